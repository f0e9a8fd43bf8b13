export function pageErrorsLine(errors: readonly string[]): string {
  if (errors.length === 0) return "page errors: none";
  const shown = errors.slice(0, 5).map((e) => `\n  ${e.slice(0, 300)}`);
  return `page errors: ${errors.length}${shown.join("")}${errors.length > 5 ? `\n  (+${errors.length - 5} more)` : ""}`;
}
