import { redactSecrets } from "./redact-secrets";

/**
 * Every string from outside goes through `clean` before a support report holds it: bounded before the sanitizer (so a
 * megabyte message costs little), sanitized, then cut to what a report shows. Cuts fall between code points, so an
 * emoji or a Japanese character is never split.
 */

/** The most of one string the sanitizer reads. Far above every shown limit, so a token cut here lies beyond them. */
const READ_LIMIT = 20_000;

/** Control characters (they would garble a terminal or a ticket form); line breaks stay and a tab is a space. */
const CONTROL = /\p{Cc}/gu;
const keepBreaks = (c: string): string => (c === "\n" || c === "\r" ? c : c === "\t" ? " " : "");

/** One line: line breaks become spaces (ids, codes, labels, table cells). */
export function cleanLine(text: string, max: number): string {
  return clip(clean(text).replace(/\r\n|[\r\n\u2028\u2029]/g, " "), max);
}

/** Several lines kept as lines (a message). */
export function cleanLines(text: string, max: number): string[] {
  return clip(clean(text), max).split(/\r\n|[\r\n\u2028\u2029]/);
}

function clean(text: string): string {
  const head = text.length > READ_LIMIT ? text.slice(0, READ_LIMIT) : text;
  return redactSecrets(head).replace(CONTROL, keepBreaks);
}

/** `text` in at most `max` code points, with a note of what was left out. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, max).join("")}… (${points.length - max} more characters)`;
}

/** The largest epoch ms a Date holds (±100,000,000 days). */
const MAX_DATE_MS = 8.64e15;

/** ISO 8601 in UTC, or "—" when unknown (or beyond what a Date holds). */
export function iso(epochMs: number | undefined): string {
  return epochMs === undefined || !Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_DATE_MS ? "—" : new Date(epochMs).toISOString();
}
