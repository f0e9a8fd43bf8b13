/**
 * `Retry-After` as it came off the wire: milliseconds from `now`, or undefined when absent or unreadable.
 *
 * Azure sends integer seconds; RFC 9110 also allows an HTTP-date, which shows up behind some gateways.
 * Only the strict forms are accepted ("5s", "1e3", "0x10", "-1" are someone's bug, not a hint to trust):
 * a header we cannot read is treated as absent, so the caller's own schedule applies. A date already past means
 * "now" (0). How long a client really waits is its own rule (polling clamps it: lib/polling/retry-after.ts).
 */

const DELTA_SECONDS = /^\d+$/;
// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (the only HTTP-date form senders may generate).
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const parseImfFixdate = (text: string): number | undefined => {
  const m = IMF_FIXDATE.exec(text);
  if (!m) return undefined;
  const [, , dd, mon, yyyy, hh, mi, ss] = m;
  const day = Number(dd);
  const month = MONTHS.indexOf(mon ?? "");
  const year = Number(yyyy);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  // Leap second 60 is legal on the wire; Date folds it into the next minute, which is close enough.
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  // Date.UTC rolls "31 Feb" over into March: reject instead of guessing.
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return undefined;
  return Date.UTC(year, month, day, hour, minute, second);
};

/** Never negative; absurdly many seconds may come back as Infinity, which the caller's clamp turns into its longest wait. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (DELTA_SECONDS.test(text)) return Number(text) * 1000;
  const at = parseImfFixdate(text);
  if (at === undefined || !Number.isFinite(now)) return undefined;
  return Math.max(0, at - now);
}
