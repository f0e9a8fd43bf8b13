import type { DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { checkParam } from "@/lib/azure/params";
import { isTerminal } from "@/lib/operations/model";
import { statusCategory } from "@/lib/operations/normalize";
import { problemOfAnswer, type FailedListAnswer } from "./answer-problem";
import type { EndpointDiscovery, EndpointProblem } from "./discovery-types";
import { discoveredOperations } from "./group-operations";
import { readDevBoxPage, readOperationPage, type ListedDevBox, type ListedOperation } from "./list-readers";
import { readOrder } from "./sweep-order";

/**
 * The sweeps of one DevCenter endpoint, on the clock its caller passes in: a sweep lists the person's dev boxes, then
 * each dev box's operations, one read at a time and following every nextLink. Reads are paced evenly over the minute,
 * and a sweep starts `intervalMs` after the previous one started (at once after one that took longer). Lists already
 * read stay shown while a sweep is under way: a dev box's operations are replaced when its list has been read in full,
 * the dev boxes when theirs has.
 */

export interface SweepSettings {
  intervalMs: number;
  readsPerMinute: number;
}

export type ListAnswer = { ok: true; body: unknown } | ({ ok: false } & FailedListAnswer);

/** Pages of one list in one sweep: past this, a nextLink is taken for a loop and the list for complete. */
export const MAX_LIST_PAGES = 50;
/** A read started this long ago and never answered is taken for lost (its tab went away), and asked for again. */
export const LOST_READ_MS = 120_000;

interface KnownBox {
  box: ListedDevBox;
  /** As last read in full; undefined until then. */
  operations: ListedOperation[] | undefined;
  readAt: number | undefined;
  /** New, or its listed state changed, since its operations were last read in full. */
  changed: boolean;
}

type Step =
  | { list: "devboxes"; nextLink: string | undefined }
  | { list: "operations"; key: string; projectName: string; devBoxName: string; nextLink: string | undefined };

interface Sweep {
  step: Step;
  /** Pages of the current list read so far. */
  pages: number;
  devBoxes: ListedDevBox[];
  /** The current box's operations, page by page. */
  operations: ListedOperation[];
  /** Boxes still to read after the current one. */
  queue: string[];
  /** A problem arose in this sweep: the endpoint's problem stays shown until a sweep ends without one. */
  troubled: boolean;
}

const boxKey = (projectName: string, name: string) => `${projectName}/${name}`.toLowerCase();
const listedState = (box: ListedDevBox) => [box.provisioningState, box.actionState, box.powerState].join("\n");
const isReadable = (box: ListedDevBox) => checkParam("projectName", box.projectName).ok && checkParam("devBoxName", box.name).ok;
const isBusy = (known: KnownBox) =>
  known.box.transitional || (known.operations ?? []).some((o) => !isTerminal(statusCategory(o.status)));

function sameRequest(a: DiscoveryListRequest, b: DiscoveryListRequest): boolean {
  if (a.list !== b.list || a.endpointHost !== b.endpointHost || a.nextLink !== b.nextLink) return false;
  return a.list !== "operations" || (b.list === "operations" && a.projectName === b.projectName && a.devBoxName === b.devBoxName);
}

const positiveOr = (value: number, fallback: number) => (Number.isFinite(value) && value > 0 ? value : fallback);

export class EndpointSweep {
  private readonly endpointHost: string;
  private readonly paceMs: number;
  private readonly intervalMs: number;
  private boxes = new Map<string, KnownBox>();
  private sweep: Sweep | undefined;
  /** When the next sweep is due; undefined: stopped, the proxy refuses this endpoint. */
  private dueAt: number | undefined;
  private lastStartAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private inFlight: { request: DiscoveryListRequest; at: number } | undefined;
  private sweptAt: number | undefined;
  private problem: EndpointProblem | undefined;

  constructor(endpointHost: string, settings: SweepSettings, now: number) {
    const host = checkParam("endpointHost", endpointHost);
    this.endpointHost = host.ok ? host.value : endpointHost;
    this.paceMs = 60_000 / positiveOr(settings.readsPerMinute, 1);
    this.intervalMs = positiveOr(settings.intervalMs, 0);
    this.dueAt = now;
  }

  /** The one list read this endpoint wants next and the earliest time it may start (pacing, cadence); undefined: none planned. */
  next(now: number): { request: DiscoveryListRequest; at: number } | undefined {
    if (this.inFlight !== undefined && now - this.inFlight.at < LOST_READ_MS) return undefined;
    const earliest = Math.max(now, this.lastStartAt + this.paceMs, this.pausedUntil);
    if (this.sweep !== undefined) return { request: this.requestOf(this.sweep.step), at: earliest };
    if (this.dueAt === undefined) return undefined;
    return { request: { list: "devboxes", endpointHost: this.endpointHost }, at: Math.max(earliest, this.dueAt) };
  }

  /** That read started (the scheduler took its budget). */
  started(request: DiscoveryListRequest, now: number): void {
    this.inFlight = { request, at: now };
    this.lastStartAt = now;
    if (this.sweep === undefined && this.dueAt !== undefined && request.list === "devboxes" && request.nextLink === undefined) {
      this.sweep = { step: { list: "devboxes", nextLink: undefined }, pages: 1, devBoxes: [], operations: [], queue: [], troubled: false };
      this.dueAt = now + this.intervalMs;
    }
  }

  /** That read ended with this answer (a throttled or failed answer included). */
  answered(request: DiscoveryListRequest, answer: ListAnswer, now: number): void {
    if (this.inFlight !== undefined && sameRequest(this.inFlight.request, request)) this.inFlight = undefined;
    const sweep = this.sweep;
    // An answer to a read this sweep no longer waits for (one taken for lost, or of a sweep since ended) changes nothing.
    if (sweep === undefined || !sameRequest(this.requestOf(sweep.step), request)) return;
    if (answer.ok) this.onPage(sweep, answer.body, now);
    else this.onFailure(sweep, answer, now);
  }

  /** Sweep again as soon as the pacing allows ("sooner on request"); also resumes an endpoint the proxy refused. */
  requestSoon(now: number): void {
    this.dueAt = Math.min(this.dueAt ?? now, now);
  }

  view(now: number): EndpointDiscovery {
    const known = [...this.boxes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
    const withOperations = known.flatMap((k) =>
      k.operations === undefined ? [] : [{ projectName: k.box.projectName, devBoxName: k.box.name, operations: k.operations }],
    );
    return {
      endpointHost: this.endpointHost,
      sweptAt: this.sweptAt,
      sweeping: this.sweep !== undefined,
      nextSweepAt: this.dueAt,
      devBoxes: known.map((k) => ({ endpointHost: this.endpointHost, ...k.box })),
      operations: discoveredOperations(this.endpointHost, withOperations, now),
      problem: this.problem,
    };
  }

  private requestOf(step: Step): DiscoveryListRequest {
    const nextLink = step.nextLink === undefined ? {} : { nextLink: step.nextLink };
    return step.list === "devboxes"
      ? { list: "devboxes", endpointHost: this.endpointHost, ...nextLink }
      : { list: "operations", endpointHost: this.endpointHost, projectName: step.projectName, devBoxName: step.devBoxName, ...nextLink };
  }

  private onPage(sweep: Sweep, body: unknown, now: number): void {
    // The endpoint answers again: a pause it asked for is over.
    if (this.problem?.kind === "throttled") this.problem = undefined;
    const step = sweep.step;
    if (step.list === "devboxes") {
      const read = readDevBoxPage(body);
      if (!read.ok) {
        this.note(sweep, { kind: "failed", httpStatus: 200, code: "UnreadableList", message: read.message });
        this.sweep = undefined;
        return;
      }
      sweep.devBoxes.push(...read.page.items);
      if (this.followed(sweep, read.page.nextLink)) return;
      this.takeDevBoxes(sweep);
    } else {
      const read = readOperationPage(body);
      if (!read.ok) {
        this.note(sweep, { kind: "failed", httpStatus: 200, code: "UnreadableList", message: read.message });
      } else {
        sweep.operations.push(...read.page.items);
        if (this.followed(sweep, read.page.nextLink)) return;
        const known = this.boxes.get(step.key);
        if (known !== undefined) Object.assign(known, { operations: sweep.operations, readAt: now, changed: false });
      }
    }
    this.advance(sweep, now);
  }

  private onFailure(sweep: Sweep, answer: FailedListAnswer, now: number): void {
    const step = sweep.step;
    if (step.list === "operations" && answer.httpStatus === 404) {
      // The dev box was deleted since the dev boxes were listed.
      this.boxes.delete(step.key);
      this.advance(sweep, now);
      return;
    }
    const problem = problemOfAnswer(answer, now);
    this.note(sweep, problem);
    switch (problem.kind) {
      case "throttled":
        // The same read again once the wait is over.
        this.pausedUntil = Math.max(this.pausedUntil, problem.until);
        return;
      case "refused":
        this.sweep = undefined;
        this.dueAt = undefined;
        return;
      case "signIn":
        this.sweep = undefined;
        return;
      case "forbidden":
      case "failed":
        // Without the dev boxes there is nothing to go on with; one box's list failing leaves the others readable.
        if (step.list === "devboxes") this.sweep = undefined;
        else this.advance(sweep, now);
        return;
    }
  }

  private note(sweep: Sweep, problem: EndpointProblem): void {
    this.problem = problem;
    sweep.troubled = true;
  }

  /** Whether the list goes on at `nextLink` (a link to the page just read, or past the page limit, ends it). */
  private followed(sweep: Sweep, nextLink: string | undefined): boolean {
    if (nextLink === undefined || nextLink === sweep.step.nextLink) return false;
    if (sweep.pages >= MAX_LIST_PAGES) {
      this.note(sweep, {
        kind: "failed",
        httpStatus: 200,
        code: "TooManyPages",
        message: `A list went on past ${MAX_LIST_PAGES} pages; the rest was not read.`,
      });
      return false;
    }
    sweep.pages++;
    sweep.step = { ...sweep.step, nextLink };
    return true;
  }

  /** The dev boxes as listed in full: ones that disappeared are dropped, and the order of their operations reads is set. */
  private takeDevBoxes(sweep: Sweep): void {
    const boxes = new Map<string, KnownBox>();
    for (const box of sweep.devBoxes) {
      const key = boxKey(box.projectName, box.name);
      if (boxes.has(key)) continue;
      const known = this.boxes.get(key);
      boxes.set(
        key,
        known === undefined
          ? { box, operations: undefined, readAt: undefined, changed: true }
          : { ...known, box, changed: known.changed || listedState(known.box) !== listedState(box) },
      );
    }
    this.boxes = boxes;
    sweep.queue = readOrder(
      [...boxes.entries()]
        .filter(([, k]) => isReadable(k.box))
        .map(([key, k]) => ({ key, changed: k.changed, busy: isBusy(k), readAt: k.readAt })),
    );
  }

  /** On to the next dev box's operations, or the sweep's end. */
  private advance(sweep: Sweep, now: number): void {
    for (let key = sweep.queue.shift(); key !== undefined; key = sweep.queue.shift()) {
      const known = this.boxes.get(key);
      if (known === undefined) continue;
      sweep.step = { list: "operations", key, projectName: known.box.projectName, devBoxName: known.box.name, nextLink: undefined };
      sweep.pages = 1;
      sweep.operations = [];
      return;
    }
    this.sweep = undefined;
    this.sweptAt = now;
    if (!sweep.troubled) this.problem = undefined;
  }
}
