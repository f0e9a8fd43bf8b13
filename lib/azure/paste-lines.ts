import { fail, ok, type Result } from "./params";

/**
 * Splits a paste into the lines that should each name one operation, and the lines that are only context around them
 * (an HTTP status line, other response headers, JSON punctuation and fields that hold no URL), so a whole header block
 * or JSON body can be pasted as it was copied.
 */

/** A line that should name an operation. */
export interface PastedLine {
  /** 1-based, as an editor counts. */
  lineNumber: number;
  /** The line as pasted, trimmed: what goes back into the box when the line could not be added. */
  text: string;
  /** What to parse: header name, JSON key, quotes, angle brackets and a trailing comma taken off. */
  value: string;
  /** From `label | URL`. */
  label?: string;
}

/** A line that names no operation, and in a few words what it is. */
export interface IgnoredLine {
  lineNumber: number;
  text: string;
  what: string;
}

export interface SplitPaste {
  candidates: PastedLine[];
  ignored: IgnoredLine[];
}

/** Far more than anyone pastes by hand; the watch list holds at most 1000 operations. */
export const MAX_PASTE_CHARS = 200_000;
export const MAX_PASTE_LINES = 500;
/** Longer than any operation URL; longer lines are not taken apart (the regexes stay linear enough), only refused. */
export const MAX_LINE_LENGTH = 4096;

/** `|` never appears in an operation URL's host or path, so it can separate a label from the URL. */
const LABEL_SEPARATOR = "|";

const OPERATION_HEADER = /^(?:azure-asyncoperation|location|operation-location)$/i;
/** `Name: value` with a space after the colon (so `https://…` and `localhost:4010/…` are not headers). */
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9_-]*)\s*:\s+(.*)$/;
/** An operation header may be written without the space: `location:https://…`. */
const OPERATION_HEADER_LINE = /^(azure-asyncoperation|location|operation-location)\s*:\s*(.*)$/i;
/** `"key": value` or `'key': value`, from JSON, a Python dict or a JavaScript object. */
const KEYED_LINE = /^(["'])([^"']*)\1\s*:\s*(.*)$/;
const STATUS_LINE = /^HTTP\/[0-9.]+\s+[0-9]{3}\b/i;
const PUNCTUATION_ONLY = /^[[\]{}(),;]+$/;

export function splitPaste(text: string): Result<SplitPaste, string> {
  if (text.length > MAX_PASTE_CHARS) {
    return fail(`the pasted text is ${text.length} characters long; paste at most ${MAX_PASTE_CHARS} at a time`);
  }
  const lines = text.split(/\r\n|\r|\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== "").length;
  if (nonEmpty > MAX_PASTE_LINES) return fail(`the pasted text has ${nonEmpty} lines; paste at most ${MAX_PASTE_LINES} at a time`);

  const candidates: PastedLine[] = [];
  const ignored: IgnoredLine[] = [];
  for (const [i, raw] of lines.entries()) {
    const text = raw.trim();
    if (text === "") continue;
    const read = readLine(text);
    if ("what" in read) ignored.push({ lineNumber: i + 1, text, what: read.what });
    else candidates.push({ lineNumber: i + 1, text, ...read });
  }
  return ok({ candidates, ignored });
}

function readLine(text: string): { value: string; label?: string } | { what: string } {
  if (text.length > MAX_LINE_LENGTH) return { value: text };
  const bar = text.indexOf(LABEL_SEPARATOR);
  if (bar !== -1) {
    const label = text.slice(0, bar).replace(/\s+/g, " ").trim();
    const rest = text.slice(bar + 1).trim();
    // A label, whatever follows it, says the person meant an operation: the line is never context.
    if (rest !== "") {
      const read = readLine(rest);
      const value = "value" in read ? read.value : unwrap(rest);
      return label === "" ? { value } : { value, label };
    }
  }
  if (PUNCTUATION_ONLY.test(text)) return { what: "JSON punctuation" };
  if (STATUS_LINE.test(text)) return { what: "an HTTP status line" };

  const keyed = KEYED_LINE.exec(text);
  if (keyed) {
    const key = keyed[2] ?? "";
    const value = unwrap(keyed[3] ?? "");
    // By value, not key: in ARM JSON `"location": "westus"` is a region, not the Location header.
    return looksLikeUrl(value) ? { value } : { what: `a JSON field "${clip(key)}" without a URL` };
  }
  // A whole header line may itself be quoted: `"Location: https://…"`.
  const bare = unwrap(text);
  const header = OPERATION_HEADER_LINE.exec(bare) ?? HEADER_LINE.exec(bare);
  if (header) {
    const name = header[1] ?? "";
    const value = unwrap(header[2] ?? "");
    return OPERATION_HEADER.test(name) || looksLikeUrl(value) ? { value } : { what: `a ${clip(name)} header` };
  }
  return { value: bare };
}

/** Takes off what surrounds a URL when it is copied out of JSON, a log or a mail: quotes, <>, a trailing comma. */
function unwrap(value: string): string {
  return stripEnds(stripEnds(stripEnds(value, "", ",;"), "\"'`<", "\"'`>"), "", ",;");
}

/** Loops rather than `/[…]+$/`, which backtracks quadratically on a long run of those characters inside the line. */
function stripEnds(value: string, leading: string, trailing: string): string {
  const isLeading = (c: string) => leading.includes(c) || /\s/.test(c);
  const isTrailing = (c: string) => trailing.includes(c) || /\s/.test(c);
  let start = 0;
  let end = value.length;
  while (start < end && isLeading(value.charAt(start))) start++;
  while (end > start && isTrailing(value.charAt(end - 1))) end--;
  return value.slice(start, end);
}

function looksLikeUrl(value: string): boolean {
  return /^(?:https?:\/\/|\/|subscriptions\/)/i.test(value);
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
