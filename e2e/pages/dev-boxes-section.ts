import type { Locator, Page } from "@playwright/test";

/** The dashboard's "Your dev boxes": endpoints, the operations and busy dev boxes found at each, the endpoint form. */
export class DevBoxesSection {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId("dev-boxes");
  }

  get endpoints(): Locator {
    return this.root.getByTestId("dev-boxes-endpoint");
  }

  /** One endpoint's part, by its host[:port] (lower case). */
  endpoint(host: string): Locator {
    return this.root.locator(`[data-testid="dev-boxes-endpoint"][data-host="${host}"]`);
  }

  /** An operation's row, by its refKey (the dashboard page's refKeyOf gives it from a permalink). */
  row(key: string): Locator {
    return this.root.locator(`[data-testid="discovered-row"][data-key="${key}"]`);
  }

  /** The keys of an endpoint's rows, top to bottom (the folded group included). */
  rowKeys(host: string): Promise<string[]> {
    return this.endpoint(host)
      .getByTestId("discovered-row")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-key") ?? ""));
  }

  devBoxRows(host: string): Locator {
    return this.endpoint(host).getByTestId("discovered-devbox");
  }

  /** "Looked 5 s ago", "Finding your dev boxes…", or the throttled "looking again at …" line. */
  sweptLine(host: string): Locator {
    return this.endpoint(host).getByTestId("dev-boxes-swept");
  }

  /** The refused / forbidden / signIn / failed notice; `data-problem` holds the kind. */
  problem(host: string): Locator {
    return this.endpoint(host).getByTestId("dev-boxes-problem");
  }

  watchButton(key: string): Locator {
    return this.row(key).getByRole("button", { name: "Watch", exact: true });
  }

  /** The "Watching" link to the operation's permalink, once watched. */
  watchingLink(key: string): Locator {
    return this.row(key).getByRole("link", { name: "Watching", exact: true });
  }

  watchAllButton(host: string): Locator {
    return this.endpoint(host).getByRole("button", { name: "Watch all running", exact: true });
  }

  lookNowButton(host: string): Locator {
    return this.endpoint(host).getByRole("button", { name: "Look now", exact: true });
  }

  autoWatchSwitch(host: string): Locator {
    return this.endpoint(host).getByRole("switch", { name: "Watch new operations automatically" });
  }

  removeButton(host: string): Locator {
    return this.endpoint(host).getByRole("button", { name: `Remove endpoint ${host}`, exact: true });
  }

  /** The undo of the last endpoint removal. */
  get undoButton(): Locator {
    return this.root.getByRole("button", { name: "Undo", exact: true });
  }

  /** The group folded under "Finished in the last 24 h (N)". */
  finishedGroup(host: string): Locator {
    return this.endpoint(host).locator("details", { has: this.page.locator("summary", { hasText: /^Finished in the last 24 h/ }) });
  }

  /** "Find your dev boxes at …": offered for the endpoints of DevCenter operations already watched. */
  get offers(): Locator {
    return this.root.getByTestId("dev-boxes-offer").getByRole("button");
  }

  get endpointField(): Locator {
    return this.root.getByRole("textbox", { name: "DevCenter endpoint" });
  }

  get endpointFormStatus(): Locator {
    return this.root.getByRole("form", { name: "Add an endpoint" }).getByRole("status");
  }

  /** Types a host or URL into the form and submits it (a refused host needs `addEndpoint` again: "Add anyway"). */
  async addEndpoint(hostOrUrl: string): Promise<void> {
    await this.endpointField.fill(hostOrUrl);
    await this.endpointField.press("Enter");
  }
}
