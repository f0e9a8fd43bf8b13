import type { Page } from "@playwright/test";

/** Uncaught errors and console errors of a page, so a bench says when the app misbehaved while it measured. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    // Chromium logs every non-2xx fetch; those are the app's business (401 before a token renewal, say).
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}

export function pageErrorsLine(errors: readonly string[]): string {
  if (errors.length === 0) return "page errors: none";
  const shown = errors.slice(0, 5).map((e) => `\n  ${e.slice(0, 300)}`);
  return `page errors: ${errors.length}${shown.join("")}${errors.length > 5 ? `\n  (+${errors.length - 5} more)` : ""}`;
}
