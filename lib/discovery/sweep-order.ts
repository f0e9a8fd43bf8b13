/**
 * The order a sweep reads dev boxes' operations lists in. Every box is read once a sweep; the order only decides which
 * are read early. A box whose listed state changed since its list was last read (or that is new) most likely has a
 * new operation; a box with work under way changes again soon. The rest keep their turn: least recently read first,
 * so a sweep cut short resumes where the last one stopped rather than rereading the same boxes.
 */

export interface BoxTurn {
  key: string;
  /** New, or its listed state changed, since its operations list was last read in full. */
  changed: boolean;
  /** An active operation on its last read, or a transitional state. */
  busy: boolean;
  /** When its operations list was last read in full; undefined: never. */
  readAt: number | undefined;
}

const rank = (turn: BoxTurn) => (turn.changed ? 0 : turn.busy ? 1 : 2);

export function readOrder(turns: readonly BoxTurn[]): string[] {
  return [...turns]
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.readAt ?? Number.NEGATIVE_INFINITY) - (b.readAt ?? Number.NEGATIVE_INFINITY) ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .map((turn) => turn.key);
}
