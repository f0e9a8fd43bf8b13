import { countOf, formatDuration, formatIn, formatTimestamp } from "@/lib/operations/format";
import type { ReadReason } from "../read-reasons";
import { stopReasonText } from "../stop-reasons";
import type { FleetStatus, NextRead, ReadHold, ScopeStatus } from "./fleet-status";
import { scopeFullNoun, scopeNoun } from "./read-scope";

/**
 * The scheduler's state in words, for the dashboard's notices and the operation page: one place for the sentences
 * (the stop reasons' own words are stop-reasons.ts's).
 */

/** Why the schedule times a read as it does, as a person would put it. */
function readReasonText(reason: ReadReason): string {
  switch (reason.kind) {
    case "firstRead":
      return "the first read";
    case "requested":
      return "you asked for a read";
    case "age":
      return "timed by the operation's age (young operations are read more often)";
    case "predictedFinish":
      return "timed just after the predicted finish";
    case "predictedFinishFar":
      return "the predicted finish is still far off";
    case "pastPredictedFinish":
      return "past the predicted finish, so read more often";
    case "retryAfter":
      return "as Azure's Retry-After asked";
    case "openPage":
      return `read at least every ${formatDuration(reason.maxIntervalMs)} while this page is open`;
    case "backoff":
      return `backoff after ${countOf(reason.readErrors, "read error")}`;
  }
}

/** "12 s", "2 min 5 s": what is left of a pause, never less than a second while it lasts. */
const left = (until: number, now: number): string => formatDuration(Math.max(1, Math.ceil((until - now) / 1000)) * 1000);

const rate = (perSecond: number): string => `${Number(perSecond.toFixed(perSecond < 1 ? 2 : 1))}/s`;

/** Enough of the status to name a scope: the status itself, or the one scope a sentence is about. */
interface ScopeNames {
  scopes: readonly Pick<ScopeStatus, "id" | "kind" | "name">[];
}

function nounOf(scopeId: string, status: ScopeNames | undefined): string {
  const scope = status?.scopes.find((s) => s.id === scopeId);
  return scope ? scopeNoun(scope) : "its subscription or endpoint";
}

/** Why an operation's next read is when it is. */
export function nextReadSentence(next: NextRead, status: ScopeNames | undefined, now: number): string {
  const when = next.at === undefined ? "" : formatIn(next.at, now);
  const over = when === "now";
  switch (next.cause) {
    case "reading":
      return "Reading now…";
    case "stopped":
      return `Polling stopped: ${stopReasonText(next.stop)}.`;
    // A wait that has run out while the status was not yet republished no longer holds the read back.
    case "retryAfter":
      return over ? "Due now: the wait Azure asked for (Retry-After) is over." : `Next read ${when}: Azure asked not to read this operation before then (Retry-After).`;
    case "scopePaused":
      return over
        ? `Due now: the pause of reads for ${nounOf(next.scopeId, status)} is over.`
        : `Next read ${when}: reads for ${nounOf(next.scopeId, status)} are paused because Azure asked us to wait.`;
    case "allPaused":
      return over ? "Due now: the opwatch server's pause is over." : `Next read ${when}: the opwatch server asked this browser to slow down (${next.code}).`;
    case "budget":
      return next.ahead === 0
        ? `Due now: next in line for the read budget of ${nounOf(next.scopeId, status)}.`
        : `Due now: waiting for the read budget of ${nounOf(next.scopeId, status)}, ${countOf(next.ahead, "read")} first.`;
    case "busy":
      return `Due now: waiting for one of the ${next.inFlight} reads in flight to end.`;
    case "openFirst":
      return "Due now: an operation just opened is read first.";
    case "scheduled":
      return `Next read ${when}: ${readReasonText(next.reason)}.`;
  }
}

/** The scheduler's next read in a few words (the operation page says why in full). */
export function nextReadShort(next: NextRead, now: number): string {
  switch (next.cause) {
    case "reading":
      return "now";
    case "stopped":
      return "stopped";
    case "budget":
    case "busy":
    case "openFirst":
      return "due, queued";
    case "scopePaused":
    case "allPaused":
      return next.at === undefined ? "paused" : `${formatIn(next.at, now)} (paused)`;
    case "retryAfter":
    case "scheduled":
      return next.at === undefined ? "—" : formatIn(next.at, now);
  }
}

/**
 * A quiet word when an operation's scope reads above its budget because Azure reports its bucket idle (headroom.ts),
 * or undefined. Nothing is wrong, so it is no notice: it goes after the sentence about the next read.
 */
export function headroomText(scopeId: string, status: Pick<FleetStatus, "scopes"> | undefined, now: number): string | undefined {
  const scope = status?.scopes.find((s) => s.id === scopeId);
  if (!scope || (scope.pause && scope.pause.until > now) || scope.ratePerSecond <= scope.budgetPerSecond) return undefined;
  return `Using idle read capacity: ${rate(scope.ratePerSecond)}.`;
}

/** A notice for a scope that is paused or slowed, or undefined when its reads run as budgeted. */
export function scopeNotice(scope: ScopeStatus, now: number): string | undefined {
  const noun = scopeNoun(scope);
  const queued = scope.waiting > 0 ? ` ${countOf(scope.waiting, "read")} wait.` : "";
  if (scope.pause && scope.pause.until > now) {
    const why =
      scope.pause.cause === "throttled"
        ? "Azure asked us to wait (too many requests)"
        : "Azure said the service is unavailable for now";
    return `Reads for ${noun} paused ${left(scope.pause.until, now)}: ${why}.${queued}`;
  }
  if (scope.ratePerSecond < scope.budgetPerSecond) {
    const remaining = scope.remainingReads;
    const reported = remaining === undefined ? "" : ` Azure reports ${countOf(remaining, "read")} left, shared with your other tools.`;
    return `Reads for ${noun} slowed to ${rate(scope.ratePerSecond)} (budget ${rate(scope.budgetPerSecond)}).${reported}${queued}`;
  }
  return undefined;
}

/** A notice when the opwatch server asked this browser to pause every read. */
export function allPausedNotice(status: FleetStatus, now: number): string | undefined {
  const paused = status.allPaused;
  if (!paused || paused.until <= now) return undefined;
  return `Every read paused ${left(paused.until, now)}: the opwatch server asked this browser to slow down (${paused.code}).`;
}

/** One notice of a page: its sentence, which names its scope shortly, and that scope whole (none: every read). */
export interface BudgetNotice {
  id: string;
  text: string;
  scope: { fullName: string; copyText: string; copyLabel: string } | undefined;
}

function scopeWhole(scope: ScopeStatus): NonNullable<BudgetNotice["scope"]> {
  const what = scope.kind === "devops" ? "subscription id" : "endpoint host";
  return { fullName: scopeFullNoun(scope), copyText: scope.name, copyLabel: `Copy ${what} ${scope.name}` };
}

/**
 * What a page says about held-back reads: every read paused, and each scope of the operations the page shows that is
 * paused or slowed. The status lists only scopes with reads still to make, so a notice goes once they all ended; a
 * page that shows none of a scope's operations says nothing of it, though this tab may read them for the watch list.
 */
export function budgetNotices(status: FleetStatus, shownScopes: ReadonlySet<string>, now: number): BudgetNotice[] {
  const notices: BudgetNotice[] = [];
  const all = allPausedNotice(status, now);
  if (all !== undefined) notices.push({ id: "all", text: all, scope: undefined });
  for (const scope of status.scopes) {
    if (!shownScopes.has(scope.id)) continue;
    const text = scopeNotice(scope, now);
    if (text !== undefined) notices.push({ id: scope.id, text, scope: scopeWhole(scope) });
  }
  return notices;
}

/** What "Refresh now" can do: read at once, nothing (a read is on its way, or polling stopped), or wait for a hold. */
type RefreshState = { state: "ready" } | { state: "reading" } | { state: "stopped" } | { state: "held"; hold: ReadHold };

export function refreshStateOf(next: NextRead | undefined, now: number): RefreshState {
  if (next?.cause === "reading") return { state: "reading" };
  if (next?.cause === "stopped") return { state: "stopped" };
  // A hold that has run out while the status was not yet republished no longer holds.
  if (next?.hold && next.hold.until > now) return { state: "held", hold: next.hold };
  return { state: "ready" };
}

/** Why "Refresh now" must wait, and until when: "Refresh allowed in 12 s (at 14:03:04): …". */
export function refreshHoldSentence(hold: ReadHold, scopeId: string, status: FleetStatus | undefined, now: number): string {
  const when = `Refresh allowed ${formatIn(hold.until, now)} (at ${formatTimestamp(hold.until).slice(11)})`;
  switch (hold.cause) {
    case "retryAfter":
      return `${when}: Azure asked not to read this operation before then (Retry-After).`;
    case "scopePaused":
      return `${when}: reads for ${nounOf(scopeId, status)} are paused because Azure asked us to wait.`;
    case "allPaused":
      return `${when}: the opwatch server asked this browser to slow down.`;
  }
}
