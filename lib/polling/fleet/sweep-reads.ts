import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";
import type { ListRead } from "@/lib/discovery/fetch-list";
import type { EndpointSweep, SweepSettings } from "@/lib/discovery/sweep";
import type { BackgroundEntry } from "./background-reads";
import { clampRetryAfterMs } from "../retry-after";
import { answerSignals, type ReadSignals } from "./throttle-signal";

/**
 * The polling tab's discovery sweeps: one per endpoint some tab wants swept, each asked for the list read it wants
 * next, which the fleet scheduler plans as a background read; the read made, told to its sweep, and what the sweep
 * found handed on after every change.
 */

export type SweepLike = Pick<EndpointSweep, "next" | "started" | "answered" | "requestSoon" | "view">;

export interface SweepDeps {
  settings: SweepSettings;
  createSweep: (endpointHost: string, settings: SweepSettings, now: number) => SweepLike;
  /** Never throws but for a cancellation (lib/discovery/fetch-list.ts). */
  fetchList: (request: DiscoveryListRequest) => Promise<ListRead>;
}

const keyOf = (endpointHost: string) => `sweep:${endpointHost}`;

export class SweepReads {
  private readonly sweeps = new Map<string, SweepLike>();
  /** The read each sweep asked for in the last plan, by background key. */
  private readonly planned = new Map<string, DiscoveryListRequest>();

  constructor(
    private readonly deps: SweepDeps,
    /** What a sweep found changed: for this tab's screen and the others. */
    private readonly share: (discovery: EndpointDiscovery) => void,
    private readonly now: () => number,
  ) {}

  /** One sweep per endpoint wanted (a new one shared at once); `soon`: those asked to sweep sooner. */
  sync(hosts: Iterable<string>, soon: Iterable<string>, now: number): void {
    const wanted = new Set(hosts);
    for (const host of this.sweeps.keys()) if (!wanted.has(host)) this.sweeps.delete(host);
    for (const host of wanted) {
      if (this.sweeps.has(host)) continue;
      const sweep = this.deps.createSweep(host, this.deps.settings, now);
      this.sweeps.set(host, sweep);
      this.share(sweep.view(now));
    }
    for (const host of new Set(soon)) {
      const sweep = this.sweeps.get(host);
      if (!sweep) continue;
      sweep.requestSoon(now);
      this.share(sweep.view(now));
    }
  }

  /** The list read each sweep wants next, as background entries for the scheduler. */
  entries(now: number): BackgroundEntry[] {
    this.planned.clear();
    const entries: BackgroundEntry[] = [];
    for (const [endpointHost, sweep] of this.sweeps) {
      const next = sweep.next(now);
      if (!next) continue;
      const key = keyOf(endpointHost);
      this.planned.set(key, next.request);
      entries.push({ key, endpointHost, at: next.at });
    }
    return entries;
  }

  /** Makes a read the scheduler started; what its answer says of the endpoint's scope, for the scheduler. */
  async read(entry: BackgroundEntry, now: number): Promise<ReadSignals | undefined> {
    const request = this.planned.get(entry.key);
    const sweep = this.sweeps.get(entry.endpointHost);
    if (!request || !sweep) return undefined;
    sweep.started(request, now);
    this.share(sweep.view(now));
    let read: ListRead;
    try {
      read = await this.deps.fetchList(request);
    } catch {
      const answer = { ok: false as const, httpStatus: 0, code: "ClientError", message: "opwatch could not read the list", retryAfterMs: undefined };
      read = { answer, at: this.now(), remainingReads: undefined };
    }
    // The sweep waits as long as the scope's pause does: Retry-After clamped as every read's is.
    const answer = read.answer.ok || read.answer.retryAfterMs === undefined ? read.answer : { ...read.answer, retryAfterMs: clampRetryAfterMs(read.answer.retryAfterMs) };
    // An endpoint no tab wants any more is not told, but its answer still counts for the scope.
    if (this.sweeps.get(entry.endpointHost) === sweep) {
      sweep.answered(request, answer, read.at);
      this.share(sweep.view(read.at));
    }
    const signals = answer.ok
      ? answerSignals({ at: read.at, httpStatus: 200, code: "", retryAfterMs: undefined, remainingReads: read.remainingReads })
      : answerSignals({ at: read.at, httpStatus: answer.httpStatus, code: answer.code, retryAfterMs: answer.retryAfterMs, remainingReads: read.remainingReads });
    return { ...signals, rateWindow: read.rateWindow };
  }

  /** This tab stopped polling: the next polling tab sweeps from scratch. */
  clear(): void {
    this.sweeps.clear();
    this.planned.clear();
  }
}
