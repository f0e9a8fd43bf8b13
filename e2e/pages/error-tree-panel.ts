import type { Locator, Page } from "@playwright/test";

/** The operation's error tree, item by item: what the root-cause tests read (the shared OperationPage finds the tree). */
export class ErrorTreePanel {
  constructor(
    readonly page: Page,
    /** The `error-tree` section, e.g. `new OperationPage(page).errorTree`. */
    readonly root: Locator,
  ) {}

  get tree(): Locator {
    return this.root.getByRole("tree");
  }

  /** The item whose accessible name (code, message, target) matches. */
  treeItem(name: string | RegExp): Locator {
    return this.tree.getByRole("treeitem", { name });
  }

  /** The item the views name as the innermost error (marked "root cause"). */
  get rootCauseItem(): Locator {
    return this.tree.locator('[role="treeitem"][data-root-cause="true"]');
  }

  /** The item that holds the tree's one tab stop. */
  get tabStop(): Locator {
    return this.tree.locator('[role="treeitem"][tabindex="0"]');
  }

  /** An error item by its code (the code starts its row). */
  errorItem(code: string): Locator {
    return this.tree.locator('[role="treeitem"][data-node-kind="error"]').filter({
      has: this.page.getByTestId("error-code").getByText(code, { exact: true }),
    });
  }

  /** A failed child operation's branch, by the child's name. */
  childItem(name: string): Locator {
    return this.tree.locator('[role="treeitem"][data-node-kind="childOperation"]').filter({ hasText: name });
  }

  code(item: Locator): Locator {
    return item.getByTestId("error-code");
  }

  target(item: Locator): Locator {
    return item.getByTestId("error-target");
  }

  copyJson(item: Locator): Locator {
    return item.getByTestId("copy-node-json");
  }

  /** "Copy x-ms-request-id" or "Copy x-ms-correlation-request-id" above the tree. */
  copyResponseId(header: "x-ms-request-id" | "x-ms-correlation-request-id"): Locator {
    return this.root.getByRole("button", { name: `Copy ${header}` });
  }

  responseId(header: "x-ms-request-id" | "x-ms-correlation-request-id"): Locator {
    return this.root.getByTestId(`response-id-${header}`);
  }

  async expandAll(): Promise<void> {
    await this.root.getByRole("button", { name: "Expand all" }).click();
  }

  async collapseAll(): Promise<void> {
    await this.root.getByRole("button", { name: "Collapse all" }).click();
  }
}
