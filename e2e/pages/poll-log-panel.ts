import type { Locator, Page } from "@playwright/test";

/** The operation page's "Poll log": every read, newest first, as this browser keeps it (IndexedDB). */
export class PollLogPanel {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByTestId("poll-log");
  }

  get table(): Locator {
    return this.section.getByRole("table", { name: /newest first/ });
  }

  get rows(): Locator {
    return this.section.getByTestId("poll-log-row");
  }

  /** "This browser keeps the last 200 reads…", or why it does not. */
  get keptNote(): Locator {
    return this.section.getByTestId("poll-log-kept");
  }

  /** The first row whose HTTP status cell reads `status` (e.g. "503 ServiceUnavailable"). */
  rowWithStatus(status: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByTestId("poll-log-status").filter({ hasText: status }) }).first();
  }

  status(row: Locator): Locator {
    return row.getByTestId("poll-log-status");
  }

  latency(row: Locator): Locator {
    return row.getByTestId("poll-log-latency");
  }

  retryAfter(row: Locator): Locator {
    return row.getByTestId("poll-log-retry-after");
  }

  requestId(row: Locator): Locator {
    return row.getByTestId("poll-log-request-id");
  }

  clientRequestId(row: Locator): Locator {
    return row.getByTestId("poll-log-client-request-id");
  }

  nextRead(row: Locator): Locator {
    return row.getByTestId("poll-log-next");
  }

  /** Every x-ms-request-id in the table, newest first. */
  async requestIds(): Promise<string[]> {
    return this.section.getByTestId("poll-log-request-id").allTextContents();
  }

  /** How many reads this browser has written to IndexedDB so far, over every account's poll log database. */
  async storedReads(): Promise<number> {
    return this.page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((name) => name.startsWith("opwatch.poll-log."));
      let total = 0;
      for (const name of names) {
        total += await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => {
            reject(new Error(`cannot open ${name}`));
          };
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction("reads").objectStore("reads").count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
        });
      }
      return total;
    });
  }
}
