import type { Locator, Page } from "@playwright/test";
import { refKeyOf } from "./dashboard-page";

/** The shared board (`/board#...`) and the dashboard's Share board control. */
export class BoardPage {
  constructor(readonly page: Page) {}

  get shareButton(): Locator {
    return this.page.getByTestId("share-board-button");
  }

  /** The read-only field with the made link (`data-count` holds how many operations it carries). */
  get shareLink(): Locator {
    return this.page.getByTestId("share-board-link");
  }

  get shareStatus(): Locator {
    return this.page.getByTestId("share-board-status");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { name: "Shared board", level: 1 });
  }

  /** "Operations on this board", above the rows. */
  get listHeading(): Locator {
    return this.page.getByRole("heading", { name: "Operations on this board", level: 2 });
  }

  /** What holds the page's reads back: a paused or slowed subscription or endpoint, or every read paused. */
  get budgetNotices(): Locator {
    return this.page.getByTestId("read-budget-notice");
  }

  get rows(): Locator {
    return this.page.getByTestId("board-row");
  }

  get problems(): Locator {
    return this.page.getByTestId("board-problems");
  }

  get empty(): Locator {
    return this.page.getByTestId("board-empty");
  }

  get addAllButton(): Locator {
    return this.page.getByTestId("board-add-all");
  }

  get addResult(): Locator {
    return this.page.getByTestId("board-add-result");
  }

  /** The row of an operation, by its permalink path (a simulator scenario's `permalink`). */
  row(permalink: string): Locator {
    return this.page.locator(`[data-testid="board-row"][data-ref-key="${refKeyOf(permalink)}"]`);
  }

  /** Presses Share board and returns the link from the read-only field. */
  async share(): Promise<string> {
    await this.shareButton.click();
    return this.shareLink.inputValue();
  }

  /** The watch list this browser context keeps in localStorage (empty when never written). */
  async storedWatchList(): Promise<{ ref: Record<string, string>; label?: string }[]> {
    const raw = await this.page.evaluate(() => window.localStorage.getItem("opwatch.watchlist.v1"));
    return raw === null ? [] : (JSON.parse(raw) as { items: { ref: Record<string, string>; label?: string }[] }).items;
  }
}
