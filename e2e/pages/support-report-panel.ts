import { expect, type Locator, type Page } from "@playwright/test";

export type ResponseIdHeader = "x-ms-request-id" | "x-ms-correlation-request-id" | "x-ms-client-request-id";

/** The operation page's "Copy support report" controls, and the response ids the error section shows. */
export class SupportReportPanel {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole("group", { name: "Copy support report" });
  }

  get markdownButton(): Locator {
    return this.root.getByRole("button", { name: "Copy as Markdown" });
  }

  get textButton(): Locator {
    return this.root.getByRole("button", { name: "Copy as text" });
  }

  get status(): Locator {
    return this.root.getByTestId("support-report-status");
  }

  /** The report to copy by hand, shown when the browser refused the clipboard. */
  get fallback(): Locator {
    return this.root.getByTestId("support-report-fallback");
  }

  /** One of the ids above the operation's own error tree. */
  responseId(header: ResponseIdHeader): Locator {
    return this.page.getByTestId("operation-error").getByTestId(`response-id-${header}`);
  }

  /** Presses a Copy button and returns what reached the clipboard (the context must grant clipboard-read). */
  async copy(format: "Markdown" | "text"): Promise<string> {
    await (format === "Markdown" ? this.markdownButton : this.textButton).click();
    await expect(this.status).toHaveText(`Support report copied as ${format}`);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }
}

/** The lines of one section of the text report: from under its underline to the next blank line. */
export function textSection(report: string, heading: string): string[] {
  const lines = report.split("\n");
  const start = lines.indexOf(heading);
  expect(start, `the text report has a "${heading}" section`).toBeGreaterThan(-1);
  const end = lines.indexOf("", start + 2);
  return lines.slice(start + 2, end < 0 ? undefined : end);
}

/** The lines of the fenced block under a Markdown heading. */
export function markdownBlock(report: string, heading: string): string[] {
  const lines = report.split("\n");
  const start = lines.indexOf(`## ${heading}`);
  expect(start, `the Markdown report has "## ${heading}"`).toBeGreaterThan(-1);
  const fence = lines[start + 2] ?? "";
  expect(fence).toMatch(/^`{3,}text$/);
  const close = lines.indexOf(fence.replace("text", ""), start + 3);
  return lines.slice(start + 3, close);
}
