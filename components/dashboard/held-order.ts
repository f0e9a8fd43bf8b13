/**
 * The rows in `order`, except that the rows also in `held` (the order the person last saw) keep held's relative
 * order. A row that is new since keeps the place `order` gives it; a row that is gone leaves its place to the next.
 * Hands back `order` itself when nothing differs, so memoized readers see no change.
 */
export function heldOrder<T extends { key: string }>(order: readonly T[], held: readonly string[]): readonly T[] {
  const rank = new Map(held.map((key, index) => [key, index]));
  const known = order.filter((row) => rank.has(row.key)).sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0));
  let next = 0;
  const result = order.map((row) => (rank.has(row.key) ? (known[next++] ?? row) : row));
  return result.every((row, i) => row === order[i]) ? order : result;
}
