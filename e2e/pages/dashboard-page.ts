import type { Locator, Page } from "@playwright/test";

/** The dashboard ("/") as a person sees it: roles and the stable test ids the UI promises. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/");
  }

  get pasteBox(): Locator {
    return this.page.getByTestId("add-operation-paste");
  }

  get pasteError(): Locator {
    return this.page.getByTestId("add-operation-error");
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

  /** Pastes an operation URL, header line, ARM id or opwatch link and submits it. */
  async paste(text: string): Promise<void> {
    await this.pasteBox.fill(text);
    await this.page.getByTestId("add-operation-submit").click();
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

  readError(permalink: string): Locator {
    return this.row(permalink).getByTestId("read-error");
  }

  async remove(permalink: string): Promise<void> {
    await this.row(permalink).getByRole("button", { name: /^Remove / }).click();
  }

  async open(permalink: string): Promise<void> {
    await this.row(permalink).locator(`a[href="${permalink}"]`).click();
  }
}
