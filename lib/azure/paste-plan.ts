import { matchAllowList, parseAllowList } from "./allow-list";
import { refKey, type OperationRef } from "./operation-ref";
import { fail, ok, type Result } from "./params";
import type { IgnoredLine } from "./paste-lines";
import { parsePaste } from "./paste-parser";

/**
 * What happens to a paste: every line that names an operation the server can read is added (at most once), every other
 * line is refused with its reason and stays in the box, and context lines (other headers, JSON punctuation) are counted.
 */

/** Why the server will not read this operation, or undefined when it will. */
export type HostCheck = (ref: OperationRef) => string | undefined;

/**
 * Refuses DevCenter hosts the proxy would refuse (EndpointNotAllowed), before they are added. The server checked
 * DEVCENTER_ALLOWED_HOSTS before serving the page; a list that still does not parse allows nothing, as on the server.
 */
export function devcenterHostCheck(allowedHosts: string): HostCheck {
  const refusal = devcenterEndpointRefusal(allowedHosts);
  return (ref) => (ref.kind === "devcenter" ? refusal(ref.endpointHost) : undefined);
}

/** The same check for an endpoint host alone (host[:port], lower case): why the proxy will refuse it, or undefined. */
export function devcenterEndpointRefusal(allowedHosts: string): (endpointHost: string) => string | undefined {
  const parsed = parseAllowList(allowedHosts);
  const rules = parsed.ok ? parsed.value : [];
  return (endpointHost) =>
    matchAllowList(endpointHost, rules) !== undefined
      ? undefined
      : `this server does not read DevCenter endpoint ${endpointHost}: it is not in DEVCENTER_ALLOWED_HOSTS (${allowedHosts}), which an operator can change`;
}

export type AddOutcome = "added" | "duplicate";

interface AddedLine {
  lineNumber: number;
  ref: OperationRef;
  label: string | undefined;
}

interface RefusedLine {
  lineNumber: number;
  text: string;
  reason: string;
}

export interface PasteReport {
  added: AddedLine[];
  /** Already on the watch list before this paste. */
  alreadyWatched: AddedLine[];
  /** The same operation as an earlier line of this paste. */
  repeats: { lineNumber: number; sameAs: number }[];
  refused: RefusedLine[];
  ignored: IgnoredLine[];
}

interface PasteDone {
  report: PasteReport;
  /** What the box should hold now: the refused lines as pasted, or all of the text when nothing was added. */
  remainingText: string;
}

/** A failed run added nothing, and its error says why (the box keeps its text). */
export type PasteRun = Result<PasteDone, string>;

export interface PasteInput {
  text: string;
  /** The Label field, for a paste that names one operation. */
  label: string;
  checkHost: HostCheck;
  /** The watch list's limit (lib/azure does not import it). */
  maxLabelChars: number;
  add: (ref: OperationRef, label: string | undefined) => AddOutcome;
}

export function runPaste({ text, label, checkHost, maxLabelChars, add }: PasteInput): PasteRun {
  const parsed = parsePaste(text);
  if (!parsed.ok) return parsed;
  const toAdd: AddedLine[] = [];
  const repeats: PasteReport["repeats"] = [];
  const refused: RefusedLine[] = [];
  const firstLine = new Map<string, number>();
  for (const line of parsed.value.lines) {
    const { lineNumber, text: lineText, result } = line;
    const reason = !result.ok
      ? result.error
      : line.label !== undefined && line.label.length > maxLabelChars
        ? `the label is ${line.label.length} characters long; a label is at most ${maxLabelChars}`
        : checkHost(result.value);
    if (!result.ok || reason !== undefined) {
      refused.push({ lineNumber, text: lineText, reason: reason ?? "" });
      continue;
    }
    const key = refKey(result.value);
    const sameAs = firstLine.get(key);
    if (sameAs !== undefined) repeats.push({ lineNumber, sameAs });
    else {
      firstLine.set(key, lineNumber);
      toAdd.push({ lineNumber, ref: result.value, label: line.label });
    }
  }

  const fieldLabel = label.trim();
  if (fieldLabel !== "") {
    const [only, ...more] = toAdd;
    if (more.length > 0) {
      return fail(
        `the Label names one operation, and this paste has ${toAdd.length}: clear the Label, or give each line its own label as "label | URL"`,
      );
    }
    if (only && only.label === undefined) only.label = fieldLabel;
  }

  const report: PasteReport = { added: [], alreadyWatched: [], repeats, refused, ignored: parsed.value.ignored };
  for (const line of toAdd) {
    (add(line.ref, line.label) === "added" ? report.added : report.alreadyWatched).push(line);
  }
  const handled = toAdd.length + repeats.length > 0;
  return ok({ report, remainingText: handled ? refused.map((r) => r.text).join("\n") : text });
}

/** The box still holds lines that were not added (or nothing was added at all): it is marked invalid. */
export const boxHoldsRefusedLines = (run: PasteRun | undefined): boolean =>
  run !== undefined && (!run.ok || run.value.report.refused.length > 0);
