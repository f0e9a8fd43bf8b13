import type { Page } from "@playwright/test";
import { SignInPage } from "../../../e2e/pages/sign-in-page";

/**
 * Signs the page in as a demo user through the real local sign-in page, exactly as the e2e tests do (their page
 * object, reused), starting from the app's signed-out prompt at `/`.
 */
export async function signInAtHome(page: Page): Promise<void> {
  await page.goto("/");
  const signInPage = new SignInPage(page);
  await signInPage.prompt.waitFor();
  await signInPage.signIn();
}
