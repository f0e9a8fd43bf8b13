import type { Locator, Page } from "@playwright/test";

/** The dashboard's "Add operations" panel: the paste box, its Label field, and what a paste did. */
export class PastePanel {
  constructor(readonly page: Page) {}

  get box(): Locator {
    return this.page.getByTestId("add-operation-paste");
  }

  get labelField(): Locator {
    return this.page.getByTestId("add-operation-label");
  }

  /** The lines that were not added, with why (absent when every line went in). */
  get refusals(): Locator {
    return this.page.getByTestId("add-operation-error");
  }

  get refusedLines(): Locator {
    return this.page.getByTestId("paste-refused-line");
  }

  /** The status line: what was added, already watched, repeated or skipped. */
  get status(): Locator {
    return this.page.getByTestId("add-operation-status");
  }

  /** Fills the box (any number of lines) and, if given, the Label, then presses Watch. */
  async paste(text: string, options: { label?: string } = {}): Promise<void> {
    await this.box.fill(text);
    if (options.label !== undefined) await this.labelField.fill(options.label);
    await this.page.getByTestId("add-operation-submit").click();
  }
}
