import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { strongerInterest, type Interest } from "./priority";
import type { InterestItem, TabInterest } from "./tab-messages";

/**
 * What this tab uses: the watched operations, what its views show (the open page, rows on screen, a shared board) and
 * the reads the person asked for; and the endpoints its visible page wants swept, and sooner. A tab that does not
 * poll sends all of it to the polling tab once it settles.
 */

export interface LocalInterestDeps {
  /**
   * After every change; `urgent` when a person waits on it (a page opened, a read asked for): sent at once, not
   * once the changes settle.
   */
  changed: (urgent: boolean) => void;
  /** Whether there is a polling tab to send to: not while this tab polls, nor once it stopped. */
  canSend: () => boolean;
  send: (interest: TabInterest) => void;
}

/** Interest changes (rows scrolling past) are sent once they settle. */
const INTEREST_SETTLE_MS = 200;

export class LocalInterest {
  private readonly watched = new Map<string, OperationRef>();
  private readonly declared = new Map<string, { ref: OperationRef; interests: Interest[] }>();
  private readonly requested = new Set<string>();
  /** How many views of this tab want each endpoint swept. */
  private readonly sweeps = new Map<string, number>();
  private readonly sweepSoon = new Set<string>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: LocalInterestDeps) {}

  setWatched(refs: readonly OperationRef[]): void {
    this.watched.clear();
    for (const ref of refs) this.watched.set(refKey(ref), ref);
    this.deps.changed(false);
  }

  /** This tab shows the operation (its page, its row on screen, or a shared board of it) until the returned undo runs. */
  declare(ref: OperationRef, interest: Interest): () => void {
    const key = refKey(ref);
    const found = this.declared.get(key) ?? { ref, interests: [] };
    found.interests.push(interest);
    this.declared.set(key, found);
    this.deps.changed(interest === "open");
    return () => {
      const index = found.interests.indexOf(interest);
      if (index >= 0) found.interests.splice(index, 1);
      if (found.interests.length === 0) this.declared.delete(key);
      this.deps.changed(false);
    };
  }

  /** A read the person asked for; only for an operation this tab uses. */
  request(ref: OperationRef): void {
    const key = refKey(ref);
    if (!this.uses(key)) return;
    this.requested.add(key);
    this.deps.changed(true);
  }

  /** A view of this tab wants the endpoint's dev boxes swept, until the returned undo runs. */
  declareSweep(endpointHost: string): () => void {
    this.sweeps.set(endpointHost, (this.sweeps.get(endpointHost) ?? 0) + 1);
    this.deps.changed(false);
    return () => {
      const count = (this.sweeps.get(endpointHost) ?? 0) - 1;
      if (count > 0) this.sweeps.set(endpointHost, count);
      else this.sweeps.delete(endpointHost);
      this.deps.changed(false);
    };
  }

  /** Sweep again as soon as the pacing allows; only for an endpoint this tab wants swept. */
  requestSweep(endpointHost: string): void {
    if (!this.sweeps.has(endpointHost)) return;
    this.sweepSoon.add(endpointHost);
    this.deps.changed(false);
  }

  sweepHosts(): string[] {
    return [...this.sweeps.keys()];
  }

  /** The sweeps asked to come sooner, handed over once. */
  takeSweepRequests(): string[] {
    const hosts = [...this.sweepSoon];
    this.sweepSoon.clear();
    return hosts;
  }

  uses(key: string): boolean {
    return this.watched.has(key) || this.declared.has(key);
  }

  /** One item per operation, with the strongest interest any view declared (watched first, in their order). */
  items(): InterestItem[] {
    const items = new Map<string, InterestItem>();
    for (const [key, ref] of this.watched) items.set(key, { ref, interest: "watched" });
    for (const [key, { ref, interests }] of this.declared) {
      const strongest = interests.reduce<Interest>(strongerInterest, items.get(key)?.interest ?? "watched");
      items.set(key, { ref, interest: strongest });
    }
    return [...items.values()];
  }

  requestedKeys(): string[] {
    return [...this.requested];
  }

  isRequested(key: string): boolean {
    return this.requested.has(key);
  }

  clearRequest(key: string): void {
    this.requested.delete(key);
  }

  sendSoon(): void {
    if (this.settleTimer !== undefined) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      this.send();
    }, INTEREST_SETTLE_MS);
  }

  send(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (!this.deps.canSend()) return;
    this.deps.send({ items: this.items(), requested: [...this.requested], sweeps: this.sweepHosts(), sweepSoon: this.takeSweepRequests() });
    // The polling tab has them now; it clears each as the read starts.
    this.requested.clear();
  }

  stop(): void {
    clearTimeout(this.settleTimer);
  }
}
