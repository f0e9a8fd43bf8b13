import { QueryClient, QueryObserver, environmentManager } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { FleetRunner } from "@/lib/polling/fleet/fleet-runner";
import type { TabChannel } from "@/lib/polling/fleet/other-tabs";
import type { SweepLike } from "@/lib/polling/fleet/sweep-reads";
import type { PollRecord } from "@/lib/polling/poll-record";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";
import { operationQueryOptions } from "@/lib/query/operation-options";
import { fakeLocks } from "@/lib/dev/test-support/fake-locks";
import { fleetRunnerDeps } from "./fleet-deps";

/**
 * The fleet runner with real QueryClients on a fake clock: tabs are runners that share an in-memory channel and lock
 * (as BroadcastChannel and Web Locks behave in one browser), and `fetch` answers as the proxy would.
 */

const T0 = Date.UTC(2026, 10, 28, 12);
const HOST = "t1-dc.westus3.devcenter.azure.com";


const ref: DevopsRef = { kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "c", operationResultId: "op" };
const key = operationKeys.detail(ref);
const BUDGETS = { devops: { capacity: 10, refillPerSecond: 5 }, devcenter: { capacity: 10, refillPerSecond: 5 } };

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const running = (retryAfter?: string): Answer => ({ status: 200, body: { status: "InProgress" }, headers: retryAfter ? { "retry-after": retryAfter } : {} });
const done: Answer = { status: 200, body: { status: "Succeeded", percentComplete: 100 } };

/** A stand-in for the sweep (lib/discovery/sweep.ts has its own tests): one devboxes list, again a minute after. */
class FakeSweep implements SweepLike {
  private dueAt: number;
  private reading = false;
  private answers = 0;
  constructor(
    private readonly host: string,
    now: number,
  ) {
    this.dueAt = now;
  }
  next() {
    return this.reading ? undefined : { request: { list: "devboxes" as const, endpointHost: this.host }, at: this.dueAt };
  }
  started() {
    this.reading = true;
  }
  answered(_request: unknown, _answer: unknown, now: number) {
    this.reading = false;
    this.answers++;
    this.dueAt = now + 60_000;
  }
  requestSoon(now: number) {
    this.dueAt = now;
  }
  view() {
    return { endpointHost: this.host, sweptAt: this.answers, sweeping: this.reading, nextSweepAt: this.dueAt, devBoxes: [], operations: [], problem: undefined };
  }
}

/** One browser: a channel bus, a lock queue, and the requests each tab made. */
function createBrowser(answers: Answer[]) {
  const requests: { at: number; tab: string; url: string }[] = [];
  const listeners = new Map<string, Set<(data: unknown) => void>>();
  const locks = fakeLocks();

  vi.stubGlobal("fetch", (url: string) => {
    const answer = answers[Math.min(requests.length, answers.length - 1)] ?? done;
    requests.push({ at: Date.now() - T0, tab: currentTab, url });
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: answer.headers }));
  });
  let currentTab = "";

  function openTab(tab: string, pollLog?: { append: (key: string, record: PollRecord) => void }, tabLocks: Pick<LockManager, "request"> = locks) {
    let visible = true;
    const visibility = new Set<() => void>();
    const client = new QueryClient();
    const channelOf = (name: string): TabChannel => {
      const own = (data: unknown) => {
        mine.forEach((l) => {
          l(data);
        });
      };
      const mine = new Set<(data: unknown) => void>();
      const all = listeners.get(name) ?? new Set();
      listeners.set(name, all);
      all.add(own);
      return {
        postMessage: (message) => {
          const copy = structuredClone(message);
          for (const listener of all) if (listener !== own) setTimeout(() => {
            listener(copy);
          }, 0);
        },
        onMessage: (listener) => mine.add(listener),
        close: () => all.delete(own),
      };
    };
    const runner = new FleetRunner(
      fleetRunnerDeps({
        queryClient: client,
        getAccessToken: () => () => {
          currentTab = tab;
          return Promise.resolve("header.payload.signature");
        },
        budgets: BUDGETS,
        discovery: { intervalMs: 60_000, readsPerMinute: 40 },
        createSweep: (host, _settings, now) => new FakeSweep(host, now),
        accountId: "account-1",
        memory: undefined,
        pollLog,
        openChannel: channelOf,
        election: {
          locks: tabLocks,
          isVisible: () => visible,
          onVisibilityChange: (listener) => {
            visibility.add(listener);
            return () => visibility.delete(listener);
          },
        },
        tabId: tab,
        now: () => Date.now(),
      }),
    );
    runner.start();
    runner.setWatched([ref]);
    return {
      client,
      runner,
      data: () => client.getQueryData<OperationSnapshot>(key),
      setVisible: (value: boolean) => {
        visible = value;
        visibility.forEach((l) => {
          l();
        });
      },
    };
  }
  return { requests, openTab };
}

beforeEach(() => {
  // Node has no window: React Query would otherwise behave as on a server.
  environmentManager.setIsServer(() => false);
  vi.useFakeTimers({ now: T0 });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  environmentManager.setIsServer(() => typeof window === "undefined");
});

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);
/** Runs what is already queued as promise callbacks (a token from the cache, a fetch), and no timer. */
const settlePromises = async () => {
  for (let i = 0; i < 100; i++) await Promise.resolve();
};

/** Web Locks that grant the one request only when the test says: until then, the election is undecided. */
function undecidedLocks() {
  let grant: (() => void) | undefined;
  const locks = {
    request: ((_name: string, _options: LockOptions, callback: () => Promise<void>) =>
      new Promise<void>((resolve) => {
        grant = () => {
          void callback().finally(resolve);
        };
      })) as LockManager["request"],
  };
  return { locks, grant: () => grant?.() };
}

describe("one tab", () => {
  it("reads until the end, never earlier than Retry-After, and then stops", async () => {
    const browser = createBrowser([running("5"), running("5"), running("5"), done]);
    const tab = browser.openTab("a");
    await advance(60_000);
    expect(browser.requests).toHaveLength(4);
    const times = browser.requests.map((r) => r.at);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(tab.data()?.operation?.status).toBe("Succeeded");
    tab.runner.stop();
  });

  it("keeps the last status through a 503 and recovers", async () => {
    const unavailable: Answer = { status: 503, body: { error: { code: "ServiceUnavailable", message: "later" } }, headers: { "retry-after": "3" } };
    const browser = createBrowser([running(), unavailable, { status: 200, body: { status: "Failed", error: { code: "Boom", message: "x" } } }]);
    const tab = browser.openTab("a");
    await advance(60_000);
    expect(browser.requests).toHaveLength(3);
    expect((browser.requests[2]?.at ?? 0) - (browser.requests[1]?.at ?? 0)).toBeGreaterThanOrEqual(3_000);
    expect(tab.data()?.operation?.category).toBe("failed");
    expect(tab.data()?.history.map((h) => h.outcome)).toEqual(["status", "readError", "status"]);
    tab.runner.stop();
  });

  it("does not read while hidden, and reads again once visible", async () => {
    const browser = createBrowser([running()]);
    const tab = browser.openTab("a");
    await advance(2_000);
    const before = browser.requests.length;
    expect(before).toBeGreaterThan(0);
    tab.setVisible(false);
    await advance(60_000);
    expect(browser.requests).toHaveLength(before);
    tab.setVisible(true);
    await advance(1_000);
    expect(browser.requests.length).toBeGreaterThan(before);
    tab.runner.stop();
  });

  it("a view that observes the query never reads by itself", async () => {
    const browser = createBrowser([running()]);
    const client = new QueryClient();
    const observer = new QueryObserver(client, operationQueryOptions(ref, () => Promise.resolve("t")));
    const unsubscribe = observer.subscribe(() => undefined);
    await advance(10_000);
    expect(browser.requests).toHaveLength(0);
    unsubscribe();
  });
});

describe("two tabs of one browser", () => {
  it("read once for both: one tab polls, the other receives every result", async () => {
    const browser = createBrowser([running(), running(), running(), done]);
    const a = browser.openTab("a");
    const b = browser.openTab("b");
    await advance(30_000);
    expect(browser.requests).toHaveLength(4);
    expect(new Set(browser.requests.map((r) => r.tab))).toEqual(new Set(["a"]));
    expect(b.data()?.operation?.status).toBe("Succeeded");
    expect(b.data()?.history).toHaveLength(4);
    expect(b.runner.getView().role).toBe("following");
    a.runner.stop();
    b.runner.stop();
  });

  it("hand over to the visible tab when the polling tab hides", async () => {
    const browser = createBrowser([running()]);
    const a = browser.openTab("a");
    const b = browser.openTab("b");
    await advance(5_000);
    expect(new Set(browser.requests.map((r) => r.tab))).toEqual(new Set(["a"]));
    a.setVisible(false);
    const handedOverAt = Date.now() - T0;
    await advance(10_000);
    const after = browser.requests.filter((r) => r.at >= handedOverAt);
    expect(after.length).toBeGreaterThan(0);
    expect(new Set(after.map((r) => r.tab))).toEqual(new Set(["b"]));
    // The new polling tab continues the history it was sent, instead of starting over.
    expect(b.data()?.history.length).toBe(browser.requests.length);
    a.runner.stop();
    b.runner.stop();
  });

  it("keep another tab's 'read now' until the read may happen, though that tab's interest changes meanwhile", async () => {
    const gone: Answer = { status: 404, body: { error: { code: "NotFound", message: "no such operation" } }, headers: { "retry-after": "5" } };
    const browser = createBrowser([gone, running()]);
    const a = browser.openTab("a");
    const b = browser.openTab("b");
    await advance(1_000);
    // 404 stops polling; only a request reads again, and not before the 5 s Retry-After.
    expect(browser.requests).toHaveLength(1);
    b.runner.requestRead(ref);
    await advance(1_000);
    const undo = b.runner.declare({ ...ref, operationResultId: "other" }, "onScreen");
    await advance(1_000);
    expect(browser.requests).toHaveLength(2); // the other operation's first read
    await advance(4_000); // to 7 s: past the Retry-After, before the other operation's next read is due
    expect(browser.requests.filter((r) => r.at >= 5_000)).toHaveLength(1);
    expect(b.data()?.operation?.status).toBe("InProgress");
    undo();
    a.runner.stop();
    b.runner.stop();
  });

  it("read what another tab opens, even if this tab does not watch it", async () => {
    const browser = createBrowser([running()]);
    const a = browser.openTab("a");
    a.runner.setWatched([]);
    const b = browser.openTab("b");
    b.runner.setWatched([]);
    const undo = b.runner.declare(ref, "open");
    await advance(3_000);
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(new Set(browser.requests.map((r) => r.tab))).toEqual(new Set(["a"]));
    expect(b.data()?.operation?.status).toBe("InProgress");
    // Once nobody uses it, nobody reads it.
    undo();
    await advance(1_000);
    const count = browser.requests.length;
    await advance(30_000);
    expect(browser.requests).toHaveLength(count);
    a.runner.stop();
    b.runner.stop();
  });
});

describe("discovery sweeps across tabs", () => {
  it("are made by the polling tab for the endpoints another tab asks for, and their results reach that tab", async () => {
    const browser = createBrowser([done]);
    const a = browser.openTab("a");
    await advance(1_000);
    const b = browser.openTab("b");
    const stopAsking = b.runner.declareSweep(HOST);
    await advance(1_000);
    const lists = () => browser.requests.filter((r) => r.url.startsWith("/api/discovery/"));
    expect(lists()).toEqual([expect.objectContaining({ tab: "a", url: `/api/discovery/${HOST}/devboxes` })]);
    expect(b.runner.discoveryOf(HOST)).toMatchObject({ endpointHost: HOST, sweptAt: 1, sweeping: false });
    // Sooner on request, from the tab that asks; then once the tab stops asking, no more sweeps.
    b.runner.requestSweep(HOST);
    await advance(1_000);
    expect(lists()).toHaveLength(2);
    stopAsking();
    await advance(180_000);
    expect(lists()).toHaveLength(2);
    a.runner.stop();
    b.runner.stop();
  });
});

describe("the poll log's lines", () => {
  it("each read is recorded once, by the polling tab, saying why the next read is when it is", async () => {
    const unavailable: Answer = { status: 503, body: { error: { code: "ServiceUnavailable", message: "later" } }, headers: { "retry-after": "8" } };
    const browser = createBrowser([running(), unavailable, running(), done]);
    const recorded: [string, PollRecord][] = [];
    const append = (key: string, record: PollRecord) => {
      recorded.push([key, record]);
    };
    const a = browser.openTab("a", { append });
    const b = browser.openTab("b", { append });
    await advance(60_000);
    expect(browser.requests).toHaveLength(4);
    expect(recorded).toHaveLength(4);
    // The cache holds the same lines, reasons and all, in both tabs.
    expect(a.data()?.history).toEqual(recorded.map(([, record]) => record));
    expect(b.data()?.history).toEqual(a.data()?.history);
    const [first, refused, , last] = recorded.map(([, record]) => record);
    expect(first?.next?.reason).toMatch(/^Next read in \d+ s: /);
    expect(refused).toMatchObject({ httpStatus: 503, retryAfterMs: 8000 });
    expect(refused?.next).toEqual({ at: (refused?.at ?? 0) + 8000, reason: expect.stringMatching(/Retry-After/) as unknown });
    expect(last?.next).toEqual({ at: undefined, reason: "Polling stopped: operation succeeded." });
    a.runner.stop();
    b.runner.stop();
  });
});

describe("the open page", () => {
  const watched = Array.from({ length: 20 }, (_, i): DevopsRef => ({ ...ref, operationResultId: `watched-${i}` }));
  const opened: DevopsRef = { ...ref, operationResultId: "opened" };
  const urlOf = (r: DevopsRef) => `/api/devops/${r.subscriptionId}/${r.resourceGroupName}/${r.securityConnectorName}/${r.operationResultId}`;

  it("is read first, in the turn this tab is elected, though many watched reads are due", async () => {
    const browser = createBrowser([running()]);
    const election = undecidedLocks();
    const tab = browser.openTab("a", undefined, election.locks);
    tab.runner.setWatched(watched);
    const undo = tab.runner.declare(opened, "open");
    await settlePromises();
    expect(browser.requests).toHaveLength(0);
    election.grant();
    await settlePromises();
    // Alone: the watched reads wait for its answer.
    expect(browser.requests.map((request) => request.url)).toEqual([urlOf(opened)]);
    await advance(0);
    await settlePromises();
    // Its answer in, the watched reads go, six at a time.
    expect(browser.requests).toHaveLength(7);
    undo();
    tab.runner.stop();
  });

  it("of a tab that does not poll is read by the polling tab as soon as the tab's message arrives", async () => {
    const browser = createBrowser([running()]);
    const a = browser.openTab("a");
    a.runner.setWatched(watched);
    const b = browser.openTab("b");
    b.runner.setWatched([]);
    await advance(10_000);
    const before = browser.requests.length;
    const undo = b.runner.declare(opened, "open");
    // The message crosses (a 0 ms timer here), and no other timer runs: no settling, no tick of the scheduler.
    await advance(0);
    await settlePromises();
    expect(browser.requests.slice(before)).toEqual([expect.objectContaining({ tab: "a", url: urlOf(opened) })]);
    undo();
    a.runner.stop();
    b.runner.stop();
  });
});
