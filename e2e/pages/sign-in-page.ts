import { expect, type Page } from "@playwright/test";

export interface DemoCredentials {
  username: string;
  password: string;
}

/** A demo account of the local sign-in server (lib/dev/signin/users.ts). */
export const ADA: DemoCredentials = { username: "ada@opwatch.test", password: "demo-password" };
export const GRACE: DemoCredentials = { username: "grace@opwatch.test", password: "demo-password" };
/** The sign-in server's numbered test people (lib/dev/signin/users.ts), one per worker slot. */
export const testerCredentials = (slot: number): DemoCredentials => ({ username: `tester-${slot + 1}@opwatch.test`, password: "demo-password" });

/** The app's sign-in prompt, the local sign-in server's pages, and the user menu. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** The app's signed-out prompt. */
  get prompt() {
    return this.page.getByRole("heading", { name: "Sign in to opwatch" });
  }

  /** The prompt's sentence about the local sign-in server's certificate (only when the authority is on this machine). */
  get certificateNote() {
    return this.page.getByTestId("local-certificate-note");
  }

  /** Its one link, to the local sign-in server's own page. */
  get certificateLink() {
    return this.page.getByRole("link", { name: "open the local sign-in server" });
  }

  get signedInName() {
    return this.page.getByTestId("user-name");
  }

  private get appOrigin(): string {
    return new URL(this.page.url()).origin;
  }

  /** Presses the app's Sign in button and waits for the sign-in server's login form. */
  async startSignIn(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(this.page.getByLabel("Username")).toBeVisible();
  }

  /** Fills the sign-in server's form and submits it. */
  async submitCredentials(user: DemoCredentials): Promise<void> {
    await this.page.getByLabel("Username").fill(user.username);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  /** From the app's prompt to signed in, back on the page the prompt was on. */
  async signIn(user: DemoCredentials = ADA): Promise<void> {
    const origin = this.appOrigin;
    const startedAt = this.page.url();
    await this.startSignIn();
    await this.submitCredentials(user);
    await this.page.waitForURL((url) => url.origin === origin && url.href === startedAt);
    await expect(this.signedInName).toBeVisible();
  }

  /**
   * Presses the app's Sign in button where the sign-in server already knows the person (another tab of the browser
   * signed in): no form, straight back signed in.
   */
  async signInWithSession(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(this.signedInName).toBeVisible();
  }

  /** Signs out in the app and confirms at the sign-in server; ends back on the app's sign-in prompt. */
  async signOut(): Promise<void> {
    const origin = this.appOrigin;
    await this.page.getByRole("button", { name: "Sign out" }).click();
    // The sign-in server's button has the app's name: it is pressed once the page is the sign-in server's.
    await this.page.waitForURL((url) => url.origin !== origin);
    await this.page.getByRole("button", { name: "Sign out", exact: true }).click();
    await this.page.waitForURL((url) => url.origin === origin);
    await expect(this.prompt).toBeVisible();
  }
}
