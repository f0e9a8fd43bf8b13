import type { Locator, Page } from "@playwright/test";

/** One operation's permalink page ("/op/..."), including its error tree. */
export class OperationPage {
  constructor(readonly page: Page) {}

  async goto(permalink: string): Promise<void> {
    await this.page.goto(permalink);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get statusBadge(): Locator {
    return this.page.locator("main").getByTestId("status-badge").first();
  }

  get progressBar(): Locator {
    return this.page.getByRole("progressbar", { name: /^Progress of / }).first();
  }

  get shareButton(): Locator {
    return this.page.getByTestId("share-button");
  }

  get addToWatchListButton(): Locator {
    return this.page.getByTestId("add-to-watch-list");
  }

  get badPermalink(): Locator {
    return this.page.getByTestId("bad-permalink");
  }

  /** The operation's own error tree (the tree of a failed read, if any, is a second one). */
  get errorTree(): Locator {
    return this.page.getByTestId("error-tree").first();
  }

  /** The operation's own error section (the error, first on the page). */
  get errorSection(): Locator {
    return this.page.getByTestId("operation-error");
  }

  /** The folded identifiers (a <details>). */
  get identifiers(): Locator {
    return this.page.getByTestId("identifiers");
  }

  get identifiersSummary(): Locator {
    return this.identifiers.locator("summary");
  }

  get refreshButton(): Locator {
    return this.page.getByTestId("refresh-now");
  }

  /** "Refresh allowed in 12 s (at …): …", next to the button while Retry-After or a pause holds reads back. */
  get refreshHold(): Locator {
    return this.page.getByTestId("refresh-hold");
  }

  /** "Progress and times": the bar, the times, the next read and the chart. */
  get progressSection(): Locator {
    return this.page.getByTestId("progress-section");
  }

  get nextRead(): Locator {
    return this.page.getByTestId("next-read");
  }

  /** One of the page's times ("Started", "Ended", "Last polled", ...): its value. */
  time(term: string): Locator {
    return this.page
      .getByTestId("progress-section")
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${term}$`) }) })
      .locator("dd");
  }

  /** "Last known 3 min ago · reading status…": what this browser last read, shown until a new read arrives. */
  get lastKnown(): Locator {
    return this.page.locator("main").getByTestId("last-known");
  }

  /** The page's text summary of the progress chart (its figcaption). */
  get progressSummary(): Locator {
    return this.progressChart.locator("figcaption");
  }

  /** The progress chart's figure (shown from two reads on). */
  get progressChart(): Locator {
    return this.page.getByTestId("progress-chart");
  }
}
