import { expect, type Locator, type Page } from "@playwright/test";
import { FIELD_LABELS } from "../../components/dashboard/add-form-props";


/** The dashboard's "Add operations" panel: the paste box, its Label field, and what a paste did. */
export class PastePanel {
  constructor(readonly page: Page) {}

  /** The whole panel, its heading included. */
  get root(): Locator {
    return this.page.getByRole("region", { name: "Add operations" });
  }

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

  /** The panel's heading, a button that folds and opens it (folded when operations are watched). */
  get toggle(): Locator {
    return this.page.getByTestId("add-operation-toggle");
  }

  /** Opens the panel if it is folded (it can be told once the watch list is read, when the toggle is enabled). */
  async open(): Promise<void> {
    await expect(this.toggle).toBeEnabled();
    if ((await this.toggle.getAttribute("aria-expanded")) === "false") await this.toggle.click();
    await expect(this.ways).toBeVisible();
  }

  /** Fills the box (any number of lines) and, if given, the Label, then presses Watch; opens the panel first. */
  async paste(text: string, options: { label?: string } = {}): Promise<void> {
    await this.open();
    await this.box.fill(text);
    if (options.label !== undefined) await this.labelField.fill(options.label);
    await this.page.getByTestId("add-operation-submit").click();
  }

  /** "Paste URLs" or "Enter ids": how the form takes the operation. */
  get ways(): Locator {
    return this.root.getByRole("group", { name: "Give the operation by" });
  }

  /** Switches the form from the paste box to the fields of an operation's ids. */
  async showIds(): Promise<void> {
    await this.open();
    await this.ways.getByRole("button", { name: "Enter ids", exact: true }).click();
  }

  /** Fills the ids form with `ids` (a devops operation's, as a scenario's `ref` holds them) and presses Watch. */
  async enterIds(ids: Record<string, string>, options: { label?: string } = {}): Promise<void> {
    for (const [name, value] of Object.entries(ids)) {
      if (name === "kind") continue;
      const field = (FIELD_LABELS as Record<string, string | undefined>)[name];
      if (field === undefined) throw new Error(`no ids field for ${name}`);
      await this.root.getByRole("textbox", { name: field, exact: true }).fill(value);
    }
    if (options.label !== undefined) await this.labelField.fill(options.label);
    await this.page.getByTestId("add-operation-submit").click();
  }
}
