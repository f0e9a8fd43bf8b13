import type { OperationRef } from "@/lib/azure/operation-ref";

/** One unreadable token: how many operations had been read before it, and the last of them. */
export interface Damage {
  afterItems: number;
  /** The link's final token: damage there is what a cut-off link looks like. */
  last: boolean;
  item: { ref: OperationRef; label?: string } | undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "operation 97 (“nightly eu-west”)", or the operation id when it has no label. */
function nameAt(count: number, item: Damage["item"]): string {
  if (count === 0 || item === undefined) return `operation ${count}`;
  const id = item.ref.kind === "devops" ? item.ref.operationResultId : item.ref.operationId;
  return `operation ${count} (${item.label === undefined ? id : `“${item.label}”`})`;
}

/**
 * What a person is told about a board link that was not read whole: how many operations were lost and where the link
 * broke, in words. Pure, so the page and the tests read the same sentences.
 */
export function describeDamage({
  expected,
  read,
  damage,
  headerDamaged,
  lastItem,
}: {
  expected: number | undefined;
  read: number;
  damage: readonly Damage[];
  headerDamaged: boolean;
  /** The last operation read, for a link cut off exactly between two tokens. */
  lastItem: Damage["item"];
}): string[] {
  if (headerDamaged) {
    if (read === 0) return ["This board link is damaged: not one operation could be read from it."];
    return [
      `The start of this link is damaged, so opwatch cannot tell how many operations it held; ${plural(read, "operation", "operations")} could be read${
        damage.length > 0 ? ", and other parts of it are damaged too" : ""
      }.`,
    ];
  }
  if (expected === undefined) return [];
  const lost = expected - read;
  const [first] = damage;
  if (lost < 0) return [`This link holds more operations than it says (${read}, not ${expected}): it may have been edited by hand.`];
  if (lost === 0) return first ? ["Part of this link is damaged, but every operation it holds could still be read."] : [];
  const lostText = `${lost} of ${expected} operations could not be read from this link`;
  const cutOff = first === undefined || (damage.length === 1 && first.last);
  if (cutOff) {
    const at = first?.afterItems ?? read;
    return [
      at === 0
        ? `${lostText}: it was cut off before the first operation.`
        : `${lostText}: it was cut off after ${nameAt(at, first ? first.item : lastItem)}.`,
    ];
  }
  const others = damage.length - 1;
  return [
    `${lostText}: it is damaged ${first.afterItems === 0 ? "before its first operation" : `after ${nameAt(first.afterItems, first.item)}`}${
      others > 0 ? ` and in ${plural(others, "other place", "other places")}` : ""
    } (a character was changed or lost). Every other operation was read.`,
  ];
}
