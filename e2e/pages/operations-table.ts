import type { Locator, Page } from "@playwright/test";
import { refKeyOf, rowKeys } from "./dashboard-page";

export type TableColumn = "status" | "name" | "kind" | "scope" | "progress" | "started" | "duration" | "lastRead";
export type TableStatusFilter = "running" | "failed" | "attention" | "succeeded" | "canceled" | "unreadable";

/** The dashboard's table view (the default beyond 10 operations): its header, filters, rows and view switch. */
export class OperationsTable {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole("table", { name: "Watched operations" });
  }

  /** The body's rows (the header row has no test id), with the same contract as the cards' rows. */
  get rows(): Locator {
    return this.table.getByTestId("operation-row");
  }

  /** A column's header cell, which carries aria-sort. */
  columnHeader(column: TableColumn): Locator {
    return this.table.getByRole("columnheader").filter({ has: this.page.getByTestId(`sort-${column}`) });
  }

  sortButton(column: TableColumn): Locator {
    return this.page.getByTestId(`sort-${column}`);
  }

  statusFilter(value: TableStatusFilter): Locator {
    return this.page.getByRole("group", { name: "Status", exact: true }).getByTestId(`filter-${value}`);
  }

  kindFilter(kind: "devops" | "devcenter"): Locator {
    return this.page.getByRole("group", { name: "Kind", exact: true }).getByTestId(`filter-${kind}`);
  }

  get textFilter(): Locator {
    return this.page.getByRole("searchbox", { name: "Filter by name, label, id or scope" });
  }

  /** "N of M shown · …", with its Clear filters button. */
  get countLine(): Locator {
    return this.page.getByTestId("table-count");
  }

  get clearFilters(): Locator {
    return this.page.getByTestId("clear-filters");
  }

  viewButton(view: "cards" | "table"): Locator {
    return this.page.getByRole("group", { name: "Show the watched operations as" }).getByRole("button", { name: view === "cards" ? "Cards" : "Table" });
  }

  get selectAllShown(): Locator {
    return this.table.getByRole("checkbox", { name: /^Select all \d+ shown$/ });
  }

  rowByPermalink(permalink: string): Locator {
    return this.table.locator(`[data-testid="operation-row"][data-ref-key="${refKeyOf(permalink)}"]`);
  }

  rowCheckbox(permalink: string): Locator {
    return this.rowByPermalink(permalink).getByRole("checkbox");
  }

  nameLink(permalink: string): Locator {
    return this.rowByPermalink(permalink).getByTestId("operation-name");
  }

  /** The keys of the shown rows, top to bottom. */
  rowOrder(): Promise<string[]> {
    return rowKeys(this.rows);
  }

  /** The state of each shown row, top to bottom. */
  async rowStates(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status-category") ?? ""));
  }

  /** The URL's query as the table wrote it. */
  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}
