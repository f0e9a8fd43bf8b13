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

  get readError(): Locator {
    return this.page.getByTestId("read-error");
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

  get childOperations(): Locator {
    return this.page.getByTestId("child-operation");
  }

  /** The operation's own error tree (the tree of a failed read, if any, is a second one). */
  get errorTree(): Locator {
    return this.page.getByTestId("error-tree").first();
  }

  get tree(): Locator {
    return this.errorTree.getByRole("tree");
  }

  /** A tree item by the text of its own row (code, message, type or innererror code). */
  treeItem(text: string | RegExp): Locator {
    return this.tree.getByRole("treeitem", { name: text });
  }

  async expandAll(): Promise<void> {
    await this.errorTree.getByRole("button", { name: "Expand all" }).click();
  }

  async collapseAll(): Promise<void> {
    await this.errorTree.getByRole("button", { name: "Collapse all" }).click();
  }
}
