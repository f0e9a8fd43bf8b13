import { expect, type Locator, type Page } from "@playwright/test";
import { PastePanel } from "./paste-panel";

/** The dashboard ("/") as a person sees it: roles and the stable test ids the UI promises. */
export class DashboardPage {
  readonly pastePanel: PastePanel;

  constructor(readonly page: Page) {
    this.pastePanel = new PastePanel(page);
  }

  get rows(): Locator {
    return this.page.getByTestId("operation-row");
  }

  get watchlistNotice(): Locator {
    return this.page.getByTestId("watchlist-notice");
  }

  get completionNotices(): Locator {
    return this.page.getByTestId("completion-notice");
  }

  get clearFinishedButton(): Locator {
    return this.page.getByTestId("clear-finished");
  }

  get clearFailedButton(): Locator {
    return this.page.getByTestId("clear-failed");
  }

  /** The header's "16 watched · 0 running · 2 need attention". */
  get headerCounts(): Locator {
    return this.page.getByTestId("header-counts");
  }

  /** The "needs attention" part of the header; `data-count` holds the number. */
  get needsAttention(): Locator {
    return this.page.getByTestId("needs-attention");
  }

  get undoNotice(): Locator {
    return this.page.getByTestId("undo-notice");
  }

  get undoButton(): Locator {
    return this.undoNotice.getByRole("button", { name: "Undo", exact: true });
  }

  /** The row of an operation, found by its permalink path (e.g. a simulator scenario's `permalink`). */
  row(permalink: string): Locator {
    return this.rows.filter({ has: this.page.locator(`a[href="${permalink}"]`) });
  }

  statusBadge(permalink: string): Locator {
    return this.row(permalink).getByTestId("status-badge");
  }

  progressBar(permalink: string): Locator {
    return this.row(permalink).getByRole("progressbar");
  }

  /** The row's "Next read" value: when, or "stopped". */
  nextRead(permalink: string): Locator {
    return this.time(permalink, "Next read");
  }

  /** One of the row's times ("Started", "Elapsed", "Last polled", ...): its value. */
  time(permalink: string, term: string): Locator {
    return this.row(permalink).locator("dl > div").filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${term}$`) }) }).locator("dd");
  }

  /** "Last known 3 min ago · reading status…": the row shows what this browser last read until a new read arrives. */
  lastKnown(permalink: string): Locator {
    return this.row(permalink).getByTestId("last-known");
  }

  readError(permalink: string): Locator {
    return this.row(permalink).getByTestId("read-error");
  }

  async remove(permalink: string): Promise<void> {
    await this.row(permalink).getByRole("button", { name: /^Remove / }).click();
  }

  /** Adds an operation by its permalink (with a label, if given) and waits for its row. */
  async watch(operation: { permalink: string }, label?: string): Promise<void> {
    const url = `${new URL(this.page.url()).origin}${operation.permalink}`;
    await this.pastePanel.paste(url, { label });
    await expect(this.row(operation.permalink)).toBeVisible();
  }

  /** A row found by its operation's key (stays found while its name link is replaced by the label form). */
  rowByKey(permalink: string): Locator {
    return this.page.locator(`[data-testid="operation-row"][data-ref-key="${refKeyOf(permalink)}"]`);
  }

  /** The name a person reads first: their label, else the resource ("conn in rg"). */
  rowName(permalink: string): Locator {
    return this.rowByKey(permalink).getByTestId("operation-name");
  }

  /** The middle-truncated operation id under the name (full id in its title). */
  rowOperationId(permalink: string): Locator {
    return this.rowByKey(permalink).getByTestId("operation-id");
  }

  rootCause(permalink: string): Locator {
    return this.rowByKey(permalink).getByTestId("root-cause");
  }

  labelButton(permalink: string): Locator {
    return this.rowByKey(permalink).getByRole("button", { name: /^(Add a label to|Edit the label of) / });
  }

  labelField(permalink: string): Locator {
    return this.rowByKey(permalink).getByRole("textbox", { name: /^Label for / });
  }

  /** Opens the row's label form, types `label` and presses Enter (or Escape, to cancel). */
  async setLabel(permalink: string, label: string, key: "Enter" | "Escape" = "Enter"): Promise<void> {
    await this.labelButton(permalink).click();
    await this.labelField(permalink).fill(label);
    await this.labelField(permalink).press(key);
  }

  /** The keys of the rows (see refKeyOf), top to bottom. */
  rowOrder(): Promise<string[]> {
    return rowKeys(this.rows);
  }
}

/** The keys of `rows` (see refKeyOf), in the order shown. */
export function rowKeys(rows: Locator): Promise<string[]> {
  return rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-ref-key") ?? ""));
}

/** The row key (refKey) of an opwatch permalink path: kind and segments, decoded and lower case. */
export function refKeyOf(permalink: string): string {
  const [, , kind = "", ...segments] = permalink.split("/");
  return [kind, ...segments.map((s) => decodeURIComponent(s))].join("/").toLowerCase();
}
