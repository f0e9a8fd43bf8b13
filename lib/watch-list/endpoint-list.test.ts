import { describe, expect, it } from "vitest";
import type { DiscoveryEndpoint } from "./discovery-endpoint";
import {
  addEndpoint,
  MAX_AUTO_WATCHED,
  MAX_ENDPOINTS,
  noteEndpointAutoWatched,
  offeredEndpoints,
  readEndpoints,
  restoreEndpoint,
  seedEndpoints,
  setEndpointAutoWatch,
  takeEndpoint,
} from "./endpoint-list";

const HOST = "72f988bf-86f1-41af-91ab-2d7cd011db47-contoso-dc.westus3.devcenter.azure.com";
const endpoint = (host: string, more: Partial<DiscoveryEndpoint> = {}): DiscoveryEndpoint => ({
  host,
  addedAt: 1,
  autoWatch: false,
  autoWatchSince: undefined,
  autoWatched: [],
  ...more,
});

describe("readEndpoints", () => {
  it("reads a document without endpoints (written before discovery) as none, with no problem", () => {
    expect(readEndpoints(undefined)).toEqual({ endpoints: [], unreadable: 0, overLimit: 0 });
  });

  it("keeps every readable endpoint once, counts the rest", () => {
    const stored = [endpoint("a.devcenter.azure.com", { autoWatch: true, autoWatchSince: 5, autoWatched: ["k1"] }), { host: "b b" }, 3, endpoint("A.devcenter.azure.com")];
    const read = readEndpoints(stored);
    expect(read.endpoints).toEqual([endpoint("a.devcenter.azure.com", { autoWatch: true, autoWatchSince: 5, autoWatched: ["k1"] })]);
    expect(read.unreadable).toBe(2);
  });

  it("counts a value that is not a list, and what is past the limit", () => {
    expect(readEndpoints({}).unreadable).toBe(1);
    const many = Array.from({ length: MAX_ENDPOINTS + 2 }, (_, i) => endpoint(`h${String(i)}.devcenter.azure.com`));
    const read = readEndpoints(many);
    expect(read.endpoints).toHaveLength(MAX_ENDPOINTS);
    expect(read.overLimit).toBe(2);
  });
});

describe("editing the endpoint list", () => {
  it("adds a host once", () => {
    const list = addEndpoint(addEndpoint([], HOST, 7), HOST, 8);
    expect(list).toEqual([endpoint(HOST, { addedAt: 7 })]);
  });

  it("removes an endpoint and puts it back at its place with its switch and memory", () => {
    const kept = endpoint("b.devcenter.azure.com", { autoWatch: true, autoWatchSince: 9, autoWatched: ["x"] });
    const list = [endpoint("a.devcenter.azure.com"), kept, endpoint("c.devcenter.azure.com")];
    const { list: without, removal } = takeEndpoint(list, kept.host);
    expect(without.map((e) => e.host)).toEqual(["a.devcenter.azure.com", "c.devcenter.azure.com"]);
    expect(removal).toEqual({ endpoint: kept, index: 1 });
    expect(removal && restoreEndpoint(without, removal)).toEqual(list);
    expect(takeEndpoint(list, "nope.devcenter.azure.com").removal).toBeUndefined();
  });

  it("sets autoWatchSince when the switch is turned on, and keeps it when turned off", () => {
    const on = setEndpointAutoWatch([endpoint(HOST)], HOST, true, 1234);
    expect(on[0]).toMatchObject({ autoWatch: true, autoWatchSince: 1234 });
    const again = setEndpointAutoWatch(on, HOST, true, 9999);
    expect(again[0]?.autoWatchSince).toBe(1234);
    const off = setEndpointAutoWatch(on, HOST, false, 2000);
    expect(off[0]).toMatchObject({ autoWatch: false, autoWatchSince: 1234 });
    expect(setEndpointAutoWatch(off, HOST, true, 3000)[0]?.autoWatchSince).toBe(3000);
  });

  it("remembers keys added on their own once each, newest last, bounded", () => {
    let list = noteEndpointAutoWatched([endpoint(HOST), endpoint("other.devcenter.azure.com")], HOST, ["k1", "k2", "k1"]);
    expect(list[0]?.autoWatched).toEqual(["k1", "k2"]);
    expect(list[1]?.autoWatched).toEqual([]);
    list = noteEndpointAutoWatched(list, HOST, Array.from({ length: MAX_AUTO_WATCHED }, (_, i) => `n${String(i)}`));
    expect(list[0]?.autoWatched).toHaveLength(MAX_AUTO_WATCHED);
    expect(list[0]?.autoWatched[0]).toBe("n0");
    expect(list[0]?.autoWatched.at(-1)).toBe(`n${String(MAX_AUTO_WATCHED - 1)}`);
  });

  it("seeds the configured endpoints, skipping what does not parse", () => {
    expect(seedEndpoints([`https://${HOST}`, "not a host", HOST], 5)).toEqual([endpoint(HOST, { addedAt: 5 })]);
    expect(seedEndpoints(undefined, 5)).toEqual([]);
  });

  it("offers the endpoints of watched DevCenter operations not searched yet, once each", () => {
    expect(offeredEndpoints([], ["x.devcenter.azure.com", HOST, "x.devcenter.azure.com"], [endpoint(HOST)])).toEqual([
      { host: "x.devcenter.azure.com", reason: "watched" },
    ]);
  });

  it("offers the operator's endpoints a person does not have (added after their first visit, or removed) first", () => {
    const offers = offeredEndpoints(["https://Y.devcenter.azure.com/", HOST, "not a host"], ["y.devcenter.azure.com", "z.devcenter.azure.com"], [endpoint(HOST)]);
    expect(offers).toEqual([
      { host: "y.devcenter.azure.com", reason: "configured" },
      { host: "z.devcenter.azure.com", reason: "watched" },
    ]);
  });
});
