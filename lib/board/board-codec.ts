import { refFromSegments, refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { MAX_LABEL_CHARS, MAX_WATCH_ITEMS } from "@/lib/watch-list/watch-list";
import {
  decodeId,
  decodeNumber,
  encodeId,
  encodeNumber,
  escapeText,
  FIELD_SEPARATOR as F,
  openToken,
  sealToken,
  TOKEN_SEPARATOR,
  unescapeText,
} from "./board-fields";
import { describeDamage, type Damage } from "./board-problems";

/**
 * A board link's fragment: a set of operations (and their labels) that travels in the URL and never reaches a server.
 * Format 1 is a list of tokens separated by `~`, each ending in its own check, so damage costs only what it touches:
 *   header  `ob1!{count}`                        the format and how many operations follow
 *   root    `R{i}!{subscription}` or `E{i}!{endpointHost}`       declared before the first operation that uses it
 *   scope   `S{i}!{root}!{resourceGroup}!{connector}` or `S{i}!{root}!{project}`
 *   entry   `{scope}!{operation id}` or `{scope}!{operation id}!{label}`
 * No compression over the whole: a link cut off anywhere still gives every operation before the cut.
 */

export interface BoardItem {
  ref: OperationRef;
  label?: string;
}

export interface DecodedBoard {
  items: BoardItem[];
  /** Sentences for a person: what is wrong with the link and what was lost. Empty for a sound link. */
  problems: string[];
  /** How many operations the link says it holds (undefined when that cannot be read). */
  expected: number | undefined;
}

const MAGIC = "ob";
const VERSION = "1";
/** Far beyond any link a browser or chat would carry; longer input is not a board link. */
const MAX_FRAGMENT_CHARS = 1_000_000;

export function encodeBoard(items: readonly BoardItem[]): string {
  const roots = new Map<string, number>();
  const scopes = new Map<string, number>();
  const seen = new Set<string>();
  const body: string[] = [];
  for (const { ref, label } of items) {
    const key = refKey(ref);
    if (seen.has(key) || seen.size >= MAX_WATCH_ITEMS) continue;
    seen.add(key);
    const [tag, rootValue] = ref.kind === "devops" ? ["R", encodeId(ref.subscriptionId)] : ["E", escapeText(ref.endpointHost)];
    let root = roots.get(tag + rootValue);
    if (root === undefined) {
      root = roots.size;
      roots.set(tag + rootValue, root);
      body.push(sealToken(`${tag}${encodeNumber(root)}${F}${rootValue}`));
    }
    const scopeValue =
      ref.kind === "devops"
        ? `${encodeNumber(root)}${F}${escapeText(ref.resourceGroupName)}${F}${escapeText(ref.securityConnectorName)}`
        : `${encodeNumber(root)}${F}${escapeText(ref.projectName)}`;
    let scope = scopes.get(scopeValue);
    if (scope === undefined) {
      scope = scopes.size;
      scopes.set(scopeValue, scope);
      body.push(sealToken(`S${encodeNumber(scope)}${F}${scopeValue}`));
    }
    const id = encodeId(ref.kind === "devops" ? ref.operationResultId : ref.operationId);
    const text = cleanLabel(label);
    body.push(sealToken(`${encodeNumber(scope)}${F}${id}${text === undefined ? "" : F + escapeText(text)}`));
  }
  return [sealToken(`${MAGIC}${VERSION}${F}${encodeNumber(seen.size)}`), ...body].join(TOKEN_SEPARATOR);
}

/** Trimmed, at most MAX_LABEL_CHARS, whole characters only (a lone surrogate cannot be percent-encoded). */
function cleanLabel(label: string | undefined): string | undefined {
  let text = "";
  for (const char of Array.from(label?.trim() ?? "")) {
    if (text.length + char.length > MAX_LABEL_CHARS) break;
    text += /^[\uD800-\uDFFF]$/.test(char) ? "\uFFFD" : char;
  }
  text = text.trim();
  return text === "" ? undefined : text;
}

interface Root {
  kind: OperationRef["kind"];
  value: string;
}

export function decodeBoard(fragment: string): DecodedBoard {
  const text = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  if (text.trim() === "") return { items: [], problems: ["This link carries no board: the part after # is empty."], expected: undefined };
  if (text.length > MAX_FRAGMENT_CHARS) {
    return { items: [], problems: [`This link is ${text.length} characters long, too long to be an opwatch board link.`], expected: undefined };
  }
  const [first = "", ...rest] = text.split(TOKEN_SEPARATOR);
  const header = readHeader(first);
  if (header.state === "newer") {
    return {
      items: [],
      problems: [`This board link has format ${header.version}; this opwatch reads format ${VERSION}. Open it with a newer opwatch.`],
      expected: undefined,
    };
  }
  const roots = new Map<number, Root>();
  const scopes = new Map<number, string[]>();
  const items: BoardItem[] = [];
  const keys = new Set<string>();
  const damage: Damage[] = [];
  // A trailing `~` (or one a chat app added) is no damage; an empty token in the middle is.
  const tokens = rest.at(-1) === "" ? rest.slice(0, -1) : rest;
  tokens.forEach((token, index) => {
    const entry = readToken(token, roots, scopes);
    if (entry === undefined) {
      damage.push({ afterItems: items.length, last: index === tokens.length - 1, item: items.at(-1) });
      return;
    }
    if (entry === "table" || entry === "orphan") return;
    const key = refKey(entry.ref);
    if (!keys.has(key)) {
      keys.add(key);
      items.push(entry);
    }
  });
  if (header.state === "missing" && items.length === 0 && !first.startsWith(MAGIC)) {
    return { items: [], problems: [`This link does not carry an opwatch board (a board link's part after # starts with "${MAGIC}${VERSION}").`], expected: undefined };
  }
  const expected = header.state === "ok" ? header.count : undefined;
  return { items, problems: describeDamage({ expected, read: items.length, damage, headerDamaged: header.state !== "ok", lastItem: items.at(-1) }), expected };
}

type Header = { state: "ok"; count: number } | { state: "newer"; version: string } | { state: "missing" };

function readHeader(token: string): Header {
  const body = openToken(token);
  if (!body?.startsWith(MAGIC)) return { state: "missing" };
  const [version = "", count] = body.slice(MAGIC.length).split(F);
  if (version !== VERSION) return /^[0-9]{1,4}$/.test(version) ? { state: "newer", version } : { state: "missing" };
  const n = decodeNumber(count);
  return n === undefined || n > MAX_WATCH_ITEMS ? { state: "missing" } : { state: "ok", count: n };
}

/**
 * A table token goes into its table ("table"); an entry comes back as an item, or as "orphan" when the table token it
 * refers to was damaged (that damage is counted once, where it is); anything damaged is undefined.
 */
function readToken(token: string, roots: Map<number, Root>, scopes: Map<number, string[]>): BoardItem | "table" | "orphan" | undefined {
  const body = openToken(token);
  if (body === undefined) return undefined;
  const fields = body.split(F);
  const [head = "", ...values] = fields;
  const tag = head.charAt(0);
  if (tag === "R" || tag === "E") {
    const index = decodeNumber(head.slice(1));
    const value = values.length === 1 && values[0] !== undefined ? (tag === "R" ? decodeId(values[0]) : unescapeText(values[0])) : undefined;
    if (index === undefined || value === undefined || roots.has(index)) return undefined;
    roots.set(index, { kind: tag === "R" ? "devops" : "devcenter", value });
    return "table";
  }
  if (tag === "S") {
    const index = decodeNumber(head.slice(1));
    const rootIndex = decodeNumber(values[0]);
    const root = roots.get(rootIndex ?? -1);
    if (index === undefined || rootIndex === undefined || scopes.has(index)) return undefined;
    // Its root was damaged: the scope stays unknown, and the operations in it are counted as lost, not as new damage.
    if (root === undefined) return "table";
    const parts = values.slice(1).map(unescapeText);
    const width = root.kind === "devops" ? 2 : 1;
    if (parts.length !== width || parts.some((p) => p === undefined)) return undefined;
    scopes.set(index, [root.kind, root.value, ...(parts as string[])]);
    return "table";
  }
  return readEntry(head, values, scopes);
}

function readEntry(head: string, values: string[], scopes: Map<number, string[]>): BoardItem | "orphan" | undefined {
  const index = decodeNumber(head);
  const scope = scopes.get(index ?? -1);
  const [idField, labelField, ...extra] = values;
  if (index === undefined || idField === undefined || extra.length > 0) return undefined;
  if (scope === undefined) return "orphan";
  const id = decodeId(idField);
  const label = labelField === undefined ? undefined : unescapeText(labelField);
  if (id === undefined || (labelField !== undefined && (label === undefined || label.trim() === "" || label.length > MAX_LABEL_CHARS))) {
    return undefined;
  }
  const [kind = "", ...segments] = scope;
  // The same rules as a permalink's: a value that passed the check but breaks them is not a ref.
  const ref = refFromSegments(kind, [...segments, id]);
  if (!ref.ok) return undefined;
  return label === undefined ? { ref: ref.value } : { ref: ref.value, label };
}
