import { describe, expect, it } from "vitest";
import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { LOST_READ_MS, MAX_LIST_PAGES, EndpointSweep, type ListAnswer, type SweepSettings } from "./sweep";

const HOST = "tenant-dc.westeurope.devcenter.azure.com";
const SETTINGS: SweepSettings = { intervalMs: 60_000, readsPerMinute: 40 };
const PACE = 1_500;
const LATENCY = 200;
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;

interface Box {
  projectName: string;
  name: string;
  provisioningState?: string;
  powerState?: string;
}
interface Op {
  operationId: string;
  kind: string;
  status: string;
  startTime: string;
}

/** A dev center that answers list reads from its current boxes and operations, `pageSize` entries a page. */
class FakeDevCenter {
  boxes: Box[] = [];
  operations = new Map<string, Op[]>();
  pageSize = 100;
  /** Answers to give instead, once each, in order, for reads that match. */
  faults: { match: (r: DiscoveryListRequest) => boolean; answer: ListAnswer }[] = [];

  addBox(projectName: string, name: string, fields: Partial<Box> = {}): void {
    this.boxes.push({ projectName, name, provisioningState: "Succeeded", powerState: "Running", ...fields });
  }
  addOperation(box: string, n: number, status = "Running", at = 0): void {
    const list = this.operations.get(box) ?? [];
    list.push({ operationId: id(n), kind: "Start", status, startTime: new Date(at).toISOString() });
    this.operations.set(box, list);
  }
  answer(request: DiscoveryListRequest): ListAnswer {
    const fault = this.faults.findIndex((f) => f.match(request));
    if (fault >= 0) return this.faults.splice(fault, 1)[0]?.answer ?? { ok: true, body: {} };
    const all: unknown[] =
      request.list === "devboxes"
        ? this.boxes
        : request.list === "operations"
          ? (this.operations.get(`${request.projectName}/${request.devBoxName}`) ?? [])
          : [];
    if (request.list === "operations" && !this.boxes.some((b) => b.projectName === request.projectName && b.name === request.devBoxName)) {
      return failure(404, "NotFound");
    }
    const page = Number(request.nextLink?.split("page=")[1] ?? "0");
    const value = all.slice(page * this.pageSize, (page + 1) * this.pageSize);
    const more = (page + 1) * this.pageSize < all.length;
    return { ok: true, body: { value, ...(more ? { nextLink: `https://${HOST}/${request.list}?page=${page + 1}` } : {}) } };
  }
}

const failure = (httpStatus: number, code: string, retryAfterMs?: number): ListAnswer => ({
  ok: false,
  httpStatus,
  code,
  message: `${code} happened`,
  retryAfterMs,
});

const label = (r: DiscoveryListRequest) =>
  (r.list === "operations" ? `ops ${r.projectName}/${r.devBoxName}` : r.list) + (r.nextLink === undefined ? "" : `#${r.nextLink.split("page=")[1] ?? "?"}`);

/** Runs the sweep against the dev center on virtual time: each read takes LATENCY ms. */
class Harness {
  now = 0;
  reads: { at: number; label: string }[] = [];
  readonly sweep: EndpointSweep;
  constructor(
    readonly center: FakeDevCenter,
    settings: SweepSettings = SETTINGS,
  ) {
    this.sweep = new EndpointSweep(HOST, settings, 0);
  }
  /** Does the next read (waiting until it may start); false when none is planned. */
  step(): boolean {
    const next = this.sweep.next(this.now);
    if (next === undefined) return false;
    expect(next.at).toBeGreaterThanOrEqual(this.now);
    this.now = next.at;
    this.sweep.started(next.request, this.now);
    this.reads.push({ at: this.now, label: label(next.request) });
    this.now += LATENCY;
    this.sweep.answered(next.request, this.center.answer(next.request), this.now);
    return true;
  }
  steps(n: number): void {
    for (let i = 0; i < n; i++) expect(this.step()).toBe(true);
  }
  /** Reads until the sweep under way ends. */
  finishSweep(): void {
    this.step();
    while (this.sweep.view(this.now).sweeping) this.step();
  }
  view() {
    return this.sweep.view(this.now);
  }
  labels(): string[] {
    return this.reads.map((r) => r.label);
  }
}

function centerWith(boxes: number): FakeDevCenter {
  const center = new FakeDevCenter();
  for (let i = 1; i <= boxes; i++) center.addBox(i % 2 === 0 ? "proj-b" : "proj-a", `box-${i}`);
  return center;
}

const opIds = (h: Harness) => h.view().operations.map((o) => Number(o.ref.operationId.slice(-12)));

describe("EndpointSweep: reads", () => {
  it("lists the dev boxes, then each box's operations, following every page", () => {
    const center = centerWith(3);
    center.pageSize = 2;
    for (let n = 1; n <= 3; n++) center.addOperation("proj-a/box-3", n);
    const h = new Harness(center);
    h.finishSweep();
    expect(h.labels()).toEqual(["devboxes", "devboxes#1", "ops proj-a/box-1", "ops proj-a/box-3", "ops proj-a/box-3#1", "ops proj-b/box-2"]);
    expect(h.view()).toMatchObject({ endpointHost: HOST, sweeping: false, sweptAt: h.now, problem: undefined });
    expect(h.view().devBoxes.map((b) => b.name)).toEqual(["box-1", "box-3", "box-2"]);
    expect(opIds(h).sort()).toEqual([1, 2, 3]);
  });

  it("paces reads evenly over the minute and starts a sweep an interval after the last one started", () => {
    const h = new Harness(centerWith(4));
    h.finishSweep();
    h.finishSweep();
    expect(h.reads.map((r) => r.at)).toEqual([0, PACE, 2 * PACE, 3 * PACE, 4 * PACE, 60_000, 60_000 + PACE, 60_000 + 2 * PACE, 60_000 + 3 * PACE, 60_000 + 4 * PACE]);
    expect(h.view().nextSweepAt).toBe(120_000);
  });

  it("starts the next sweep as soon as pacing allows after one that took longer than the interval", () => {
    const h = new Harness(centerWith(50));
    h.finishSweep();
    const lastRead = h.reads.at(-1)?.at ?? Number.NaN;
    expect(lastRead).toBeGreaterThan(60_000);
    expect(h.sweep.next(h.now)).toEqual({ request: { list: "devboxes", endpointHost: HOST }, at: lastRead + PACE });
  });

  it("sweeps again soon on request, never faster than the pacing", () => {
    const h = new Harness(centerWith(1));
    h.finishSweep();
    expect(h.sweep.next(h.now)?.at).toBe(60_000);
    h.sweep.requestSoon(h.now);
    expect(h.sweep.next(h.now)?.at).toBe(2 * PACE);
    h.now = 10_000;
    h.sweep.requestSoon(h.now);
    expect(h.sweep.next(h.now)?.at).toBe(10_000);
  });

  it("on request during a sweep, starts the next one right after it", () => {
    const h = new Harness(centerWith(3));
    h.steps(2);
    h.sweep.requestSoon(h.now);
    h.finishSweep();
    expect(h.sweep.next(h.now)?.at).toBe(4 * PACE);
  });

  it("asks for one read at a time, and again for one never answered", () => {
    const h = new Harness(centerWith(1));
    const first = h.sweep.next(0);
    if (first === undefined) throw new Error("no read planned");
    h.sweep.started(first.request, 0);
    expect(h.sweep.next(1_000)).toBeUndefined();
    expect(h.sweep.next(LOST_READ_MS)).toEqual({ request: first.request, at: LOST_READ_MS });
  });

  it("ignores an answer to a read it is not waiting for", () => {
    const h = new Harness(centerWith(1));
    h.sweep.answered({ list: "devboxes", endpointHost: HOST }, { ok: true, body: { value: [{ name: "ghost", projectName: "p-x" }] } }, 0);
    h.steps(1);
    h.sweep.answered({ list: "devboxes", endpointHost: HOST }, { ok: true, body: { value: [{ name: "ghost", projectName: "p-x" }] } }, h.now);
    h.finishSweep();
    expect(h.view().devBoxes.map((b) => b.name)).toEqual(["box-1"]);
  });

  it("stops following a nextLink that loops or goes on past the page limit", () => {
    const h = new Harness(centerWith(1));
    h.center.faults.push({
      match: (r) => r.list === "devboxes",
      answer: { ok: true, body: { value: [{ name: "box-1", projectName: "proj-a" }], nextLink: "same" } },
    });
    h.center.faults.push({
      match: (r) => r.list === "devboxes",
      answer: { ok: true, body: { value: [], nextLink: "same" } },
    });
    h.finishSweep();
    expect(h.labels()).toEqual(["devboxes", "devboxes#?", "ops proj-a/box-1"]);

    h.center.pageSize = 1;
    for (let n = 1; n <= MAX_LIST_PAGES + 5; n++) h.center.addOperation("proj-a/box-1", n);
    h.finishSweep();
    expect(h.reads.filter((r) => r.label.startsWith("ops")).length).toBe(1 + MAX_LIST_PAGES);
    expect(h.view().problem).toMatchObject({ kind: "failed", code: "TooManyPages" });
  });
});

describe("EndpointSweep: what the view keeps", () => {
  it("keeps every list read so far while a sweep is under way, and replaces a box's operations when its list is read in full", () => {
    const center = centerWith(2);
    center.addOperation("proj-a/box-1", 1);
    center.addOperation("proj-b/box-2", 2);
    const h = new Harness(center);
    h.finishSweep();
    center.pageSize = 1;
    center.operations.set("proj-a/box-1", []);
    center.addOperation("proj-a/box-1", 3);
    center.addOperation("proj-a/box-1", 4);
    center.addOperation("proj-a/box-1", 5, "Running", 1_000);
    h.steps(3); // dev boxes (2 pages), box-1's first page
    expect(h.view().sweeping).toBe(true);
    expect(opIds(h)).toEqual([1, 2]);
    h.steps(2);
    expect(opIds(h)).toEqual([5, 3, 4, 2]);
  });

  it("drops a dev box that is no longer listed, with its operations, when the dev boxes are read in full", () => {
    const center = centerWith(2);
    center.addOperation("proj-b/box-2", 2);
    const h = new Harness(center);
    h.finishSweep();
    center.boxes = center.boxes.filter((b) => b.name !== "box-2");
    h.steps(1);
    expect(h.view().devBoxes.map((b) => b.name)).toEqual(["box-1"]);
    expect(opIds(h)).toEqual([]);
  });

  it("drops quietly a dev box whose operations list is gone (404) and reads the next", () => {
    const center = centerWith(2);
    center.addOperation("proj-b/box-2", 2);
    const h = new Harness(center);
    h.finishSweep();
    center.faults.push({ match: (r) => r.list === "operations" && r.devBoxName === "box-1", answer: failure(404, "NotFound") });
    h.finishSweep();
    expect(h.labels().slice(3)).toEqual(["devboxes", "ops proj-b/box-2", "ops proj-a/box-1"]);
    expect(h.view()).toMatchObject({ problem: undefined, sweptAt: h.now });
    expect(h.view().devBoxes.map((b) => b.name)).toEqual(["box-2"]);
    expect(opIds(h)).toEqual([2]);
  });

  it("shows dev boxes in a transitional state as such", () => {
    const center = centerWith(1);
    center.addBox("proj-a", "new-box", { provisioningState: "creating" });
    center.addBox("proj-a", "odd-box", { provisioningState: "Hibernating" });
    const h = new Harness(center);
    h.finishSweep();
    expect(h.view().devBoxes.map((b) => [b.name, b.provisioningState, b.transitional, b.endpointHost])).toEqual([
      ["box-1", "Succeeded", false, HOST],
      ["new-box", "creating", true, HOST],
      ["odd-box", "Hibernating", false, HOST],
    ]);
  });

  it("never asks for the operations of a dev box whose name the proxy would refuse", () => {
    const center = centerWith(1);
    center.addBox("proj-a", "../x");
    const h = new Harness(center);
    h.finishSweep();
    expect(h.labels()).toEqual(["devboxes", "ops proj-a/box-1"]);
    expect(h.view().devBoxes).toHaveLength(2);
  });
});

describe("EndpointSweep: which box first", () => {
  it("reads first the boxes whose listed state changed, then those with work under way, then the rest as they came last time", () => {
    const center = centerWith(5);
    center.addOperation("proj-a/box-5", 5, "Running");
    center.addOperation("proj-a/box-3", 3, "Succeeded");
    const h = new Harness(center);
    h.finishSweep();
    expect(h.labels().slice(1)).toEqual(["ops proj-a/box-1", "ops proj-a/box-3", "ops proj-a/box-5", "ops proj-b/box-2", "ops proj-b/box-4"]);
    const box4 = center.boxes.find((b) => b.name === "box-4");
    if (box4) box4.powerState = "Deallocated";
    center.addBox("proj-a", "box-0");
    h.finishSweep();
    expect(h.labels().slice(7)).toEqual(["ops proj-a/box-0", "ops proj-b/box-4", "ops proj-a/box-5", "ops proj-a/box-1", "ops proj-a/box-3", "ops proj-b/box-2"]);
  });

  it("keeps a changed box first until its operations are read", () => {
    const h = new Harness(centerWith(3));
    h.finishSweep();
    const box3 = h.center.boxes.find((b) => b.name === "box-3");
    if (box3) box3.provisioningState = "Starting";
    h.center.faults.push({ match: (r) => r.list === "operations", answer: failure(500, "InternalServerError") });
    h.finishSweep();
    h.finishSweep();
    expect(h.labels().slice(4)).toEqual(["devboxes", "ops proj-a/box-3", "ops proj-a/box-1", "ops proj-b/box-2", "devboxes", "ops proj-a/box-3", "ops proj-a/box-1", "ops proj-b/box-2"]);
  });
});

describe("EndpointSweep: problems", () => {
  it("stops on a proxy refusal of the endpoint until asked again", () => {
    for (const code of ["EndpointNotAllowed", "InvalidParameter"]) {
      const h = new Harness(centerWith(1));
      h.center.faults.push({ match: () => true, answer: failure(400, code) });
      h.steps(1);
      expect(h.view()).toMatchObject({ problem: { kind: "refused", httpStatus: 400, code }, sweeping: false, nextSweepAt: undefined });
      expect(h.sweep.next(h.now + 3_600_000)).toBeUndefined();
      h.sweep.requestSoon(h.now);
      h.finishSweep();
      expect(h.view().problem).toBeUndefined();
    }
  });

  it("says forbidden on a 403 for the dev boxes and tries again at the next sweep", () => {
    const h = new Harness(centerWith(1));
    h.center.faults.push({ match: (r) => r.list === "devboxes", answer: failure(403, "Forbidden") });
    h.steps(1);
    expect(h.view()).toMatchObject({ problem: { kind: "forbidden", httpStatus: 403, code: "Forbidden" }, sweeping: false, sweptAt: undefined });
    expect(h.sweep.next(h.now)?.at).toBe(60_000);
  });

  it("reads the other boxes when one box's list is forbidden or fails, and keeps the problem shown until a clean sweep", () => {
    const center = centerWith(3);
    center.addOperation("proj-a/box-1", 1);
    const h = new Harness(center);
    h.finishSweep();
    center.faults.push({ match: (r) => r.list === "operations" && r.devBoxName === "box-1", answer: failure(403, "Forbidden") });
    center.faults.push({ match: (r) => r.list === "operations" && r.devBoxName === "box-3", answer: failure(502, "UpstreamUnavailable") });
    h.finishSweep();
    expect(h.labels().slice(4)).toEqual(["devboxes", "ops proj-a/box-1", "ops proj-a/box-3", "ops proj-b/box-2"]);
    expect(h.view()).toMatchObject({ problem: { kind: "failed", httpStatus: 502, code: "UpstreamUnavailable" }, sweptAt: h.now });
    expect(opIds(h)).toEqual([1]);
    h.finishSweep();
    expect(h.view().problem).toBeUndefined();
  });

  it("asks to sign in again on a 401", () => {
    const h = new Harness(centerWith(2));
    h.center.faults.push({ match: (r) => r.list === "operations", answer: failure(401, "InteractionRequired") });
    h.steps(2);
    expect(h.view()).toMatchObject({ problem: { kind: "signIn", message: "InteractionRequired happened" }, sweeping: false });
    expect(h.sweep.next(h.now)?.at).toBe(60_000);
  });

  it("waits out a 429 or a 503 with Retry-After, then reads the same list again", () => {
    for (const [status, retryAfterMs, until] of [
      [429, 30_000, 30_000],
      [503, 5_000, 5_000],
      [429, undefined, 60_000],
      [429, Number.NaN, 60_000],
    ] as const) {
      const h = new Harness(centerWith(2));
      h.center.pageSize = 1;
      h.center.faults.push({ match: (r) => r.nextLink !== undefined, answer: failure(status, "TooManyRequests", retryAfterMs) });
      h.steps(2);
      const answeredAt = h.now;
      expect(h.view()).toMatchObject({ problem: { kind: "throttled", httpStatus: status, until: answeredAt + until }, sweeping: true });
      expect(h.sweep.next(h.now)).toEqual({ request: { list: "devboxes", endpointHost: HOST, nextLink: `https://${HOST}/devboxes?page=1` }, at: answeredAt + until });
      h.steps(1);
      expect(h.view().problem).toBeUndefined();
      h.finishSweep();
      expect(h.view().devBoxes).toHaveLength(2);
    }
  });

  it("counts a 503 without Retry-After, another status or an unreadable list as failed, and goes on", () => {
    for (const answer of [failure(503, "ServiceUnavailable"), failure(500, "InternalServerError"), failure(0, "NetworkError"), { ok: true, body: "<html>" } as const]) {
      const h = new Harness(centerWith(1));
      h.center.faults.push({ match: (r) => r.list === "devboxes", answer });
      h.steps(1);
      expect(h.view().problem).toMatchObject({ kind: "failed" });
      expect(h.view().sweeping).toBe(false);
      expect(h.sweep.next(h.now)?.at).toBe(60_000);
      h.finishSweep();
      expect(h.view().problem).toBeUndefined();
    }
  });
});
