import { describe, expect, it } from "vitest";
import type { DevcenterRef, DevopsRef } from "@/lib/azure/operation-ref";
import {
  describeOperation,
  displayName,
  fullDescription,
  labelOf,
  middleTruncate,
  operationIdOf,
  resourceName,
  shortDisplayName,
  shortEndpointHost,
  shortenAtWord,
  shortName,
  shortOperationId,
  tabTitle,
} from "./display-name";

const GUID = "2a7b1c9e-3f00-4b1a-9c1d-5e6f7a9f3e1d";
const devops: DevopsRef = {
  kind: "devops",
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  resourceGroupName: "rg-y",
  securityConnectorName: "conn-x",
  operationResultId: GUID,
};
const devcenter: DevcenterRef = {
  kind: "devcenter",
  endpointHost: "8a40af38-3b4c-4672-a6a4-5e964b1870ed-contoso-dc.westus3.devcenter.azure.com",
  projectName: "proj-a",
  operationId: GUID,
};

describe("middleTruncate", () => {
  it("keeps 8 characters before and 6 after the ellipsis of a GUID by default", () => {
    expect(middleTruncate(GUID)).toBe("2a7b1c9e…9f3e1d");
    expect(Array.from(middleTruncate(GUID)).length).toBe(15);
  });
  it("returns ids that fit unchanged", () => {
    expect(middleTruncate("short", 15)).toBe("short");
    expect(middleTruncate("exactly-15-char", 15)).toBe("exactly-15-char");
  });
  it("never exceeds max, down to a lone ellipsis", () => {
    for (const max of [0, 1, 2, 3, 5, 9, 20]) {
      expect(Array.from(middleTruncate(GUID, max)).length).toBeLessThanOrEqual(Math.max(1, max));
    }
    expect(middleTruncate(GUID, 1)).toBe("…");
    expect(middleTruncate(GUID, 2)).toBe("2…");
  });
  it("does not split a surrogate pair", () => {
    expect(middleTruncate("😀😀😀😀😀😀😀😀😀😀", 5)).toBe("😀😀😀…😀");
  });
});

describe("shortenAtWord", () => {
  it("cuts where a word or segment ends, without the separator", () => {
    expect(shortenAtWord("Failed with a three-level details tree and additionalInfo", 22)).toBe("Failed with a three…");
    expect(shortenAtWord("proj-a on contoso-dc.westus3", 22)).toBe("proj-a on contoso-dc…");
    expect(shortenAtWord("demo-connector in opwatch-demo-rg", 22)).toBe("demo-connector in…");
  });
  it("cuts a word only when none ends in the second half", () => {
    expect(shortenAtWord("a supercalifragilisticexpialidocious", 12)).toBe("a supercali…");
    expect(shortenAtWord("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
  });
  it("returns texts that fit unchanged, and never exceeds max", () => {
    expect(shortenAtWord("Nightly scan", 12)).toBe("Nightly scan");
    for (const max of [1, 2, 5, 13, 22]) expect(Array.from(shortenAtWord("Failed with a three-level details tree", max)).length).toBeLessThanOrEqual(max);
  });
});

describe("shortEndpointHost", () => {
  it("drops the tenant prefix and the devcenter.azure.com suffix", () => {
    expect(shortEndpointHost(devcenter.endpointHost)).toBe("contoso-dc.westus3");
    expect(shortEndpointHost("contoso-dc.westus3.devcenter.azure.com")).toBe("contoso-dc.westus3");
  });
  it("keeps other hosts and a port", () => {
    expect(shortEndpointHost("localhost:4110")).toBe("localhost:4110");
    expect(shortEndpointHost("contoso.westus.devcenter.azure.com:8443")).toBe("contoso.westus:8443");
  });
});

describe("names", () => {
  it("names the resource first", () => {
    expect(resourceName(devops)).toBe("conn-x in rg-y");
    expect(resourceName(devcenter)).toBe("proj-a on contoso-dc.westus3");
    expect(displayName({ ref: devops })).toBe("conn-x in rg-y");
  });
  it("lets a label win, ignoring a blank one", () => {
    expect(displayName({ ref: devops, label: "Onboard GitHub org" })).toBe("Onboard GitHub org");
    expect(displayName({ ref: devops, label: "   " })).toBe("conn-x in rg-y");
    expect(labelOf({ ref: devops, label: "  a  " })).toBe("a");
  });
  it("shortens the id in the middle", () => {
    expect(operationIdOf(devcenter)).toBe(GUID);
    expect(shortOperationId(devops)).toBe("2a7b1c9e…9f3e1d");
    expect(describeOperation({ ref: devcenter })).toBe("proj-a on contoso-dc.westus3 (2a7b1c9e…9f3e1d)");
  });
  it("gives tabs the connector, project or label, shortened", () => {
    expect(shortDisplayName({ ref: devops })).toBe("conn-x");
    expect(shortDisplayName({ ref: devcenter })).toBe("proj-a");
    expect(shortDisplayName({ ref: devops, label: "x".repeat(50) }, 10).length).toBe(10);
  });
  it("titles a tab by name and a short id, or by the label alone", () => {
    expect(tabTitle({ ref: devops })).toBe("conn-x 2a7b1…e1d · opwatch");
    expect(tabTitle({ ref: devcenter, label: "Dev box pool" })).toBe("Dev box pool · opwatch");
  });
  it("names an operation where little fits by its label or resource, cut at a word, and its short id apart", () => {
    expect(shortName({ ref: devops, label: "Failed with a three-level details tree" })).toEqual({ name: "Failed with a three…", id: "2a7b1…e1d" });
    expect(shortName({ ref: devcenter })).toEqual({ name: "proj-a on contoso-dc…", id: "2a7b1…e1d" });
  });
  it("spells everything out in the full description", () => {
    expect(fullDescription({ ref: devcenter, label: "Mine" })).toBe(`Mine · proj-a on ${devcenter.endpointHost} · ${GUID}`);
    expect(fullDescription({ ref: devops })).toBe(`conn-x in rg-y · ${GUID}`);
  });
});
