import { percentile } from "../polling/stats";
import type { Answer } from "./answer";

/** What a load run saw: answers by outcome ("200", "429 ProxyRateLimited", "failed ECONNRESET") and their latencies. */
export class Tally {
  readonly counts = new Map<string, number>();
  /** Of the answers; requests that got none have no latency. */
  readonly latencies: number[] = [];
  /** Requests sent: counted by the sender, as each request goes. */
  sent = 0;
  /** Requests answered or failed; the rest of those sent were still unanswered when the run ended. */
  total = 0;
  /** The first error message seen per outcome, to say why (e.g. what a 502's upstream call ran into). */
  readonly messages = new Map<string, string>();
  /** ms after `startedAt` of the first answer with each status. */
  readonly firstAt = new Map<number, number>();
  missingRetryAfter = 0;

  constructor(private readonly startedAt: number) {}

  add(answer: Answer, at: number): void {
    const key = outcomeKey(answer);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total++;
    if (answer.kind !== "answer") return;
    this.latencies.push(answer.ms);
    if (answer.errorMessage !== undefined && !this.messages.has(key)) this.messages.set(key, answer.errorMessage);
    if (!this.firstAt.has(answer.status)) this.firstAt.set(answer.status, at - this.startedAt);
    if ((answer.status === 429 || answer.status === 503) && answer.retryAfter === undefined) this.missingRetryAfter++;
  }

  get unanswered(): number {
    return Math.max(0, this.sent - this.total);
  }

  /** Answers whose status satisfies `test`. */
  count(test: (status: number) => boolean): number {
    let n = 0;
    for (const [key, value] of this.counts) if (test(Number(key.split(" ")[0]))) n += value;
    return n;
  }

  /** Everything but 2xx, by outcome, most frequent first. */
  errors(): [string, number][] {
    return [...this.counts].filter(([key]) => !/^2\d\d$/.test(key)).sort((a, b) => b[1] - a[1]);
  }
}

export function outcomeKey(answer: Answer): string {
  if (answer.kind === "failed") return `failed ${answer.reason}`;
  return answer.errorCode === undefined ? String(answer.status) : `${answer.status} ${answer.errorCode}`;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
}

export function latencySummary(latencies: readonly number[]): LatencySummary {
  const max = latencies.length === 0 ? Number.NaN : latencies.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max };
}

export const formatMs = (ms: number): string => (Number.isNaN(ms) ? "-" : ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

/** "12.3%" of a part in a whole, "-" of nothing. */
export const share = (part: number, whole: number): string => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`);
