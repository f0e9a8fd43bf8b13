import type { BrowserContext, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { E2E } from "./fixtures/stack";
import { ADA, SignInPage } from "./pages/sign-in-page";

/**
 * A first run, in a browser that has never seen the local sign-in server's certificate (the rest of the suite trusts
 * it). Nothing may go wrong in the app before the person acts: Sign in goes straight to the sign-in server, where the
 * browser's own certificate page is expected, and the prompt says in plain words how to get past it. Every test here
 * starts signed out.
 */

test.use({ signedIn: false });

const ALERT_BINDING = "__opwatchCertificateAlert";

/** Every non-empty role="alert" the app's pages show in this context, even one shown just before the page leaves. */
async function recordAlerts(context: BrowserContext): Promise<string[]> {
  const alerts: string[] = [];
  await context.exposeBinding(ALERT_BINDING, (_source, text: string) => {
    alerts.push(text);
  });
  await context.addInitScript(
    ({ binding, appOrigin }: { binding: string; appOrigin: string }) => {
      if (location.origin !== appOrigin) return;
      const report = (window as unknown as Record<string, ((text: string) => void) | undefined>)[binding];
      const seen = new Set<string>();
      const look = () => {
        for (const alert of document.querySelectorAll('[role="alert"]')) {
          const text = alert.textContent.trim();
          if (text && !seen.has(text)) {
            seen.add(text);
            report?.(text);
          }
        }
      };
      new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { binding: ALERT_BINDING, appOrigin: E2E.appOrigin },
  );
  return alerts;
}

test("in a browser that does not trust the sign-in server yet, Sign in goes to it with no error; the certificate page is the browser's", async ({
  browser,
}) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: false, baseURL: E2E.appOrigin });
  const alerts = await recordAlerts(context);
  const page = await context.newPage();
  const signInPage = new SignInPage(page);
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));

  await page.goto("/");
  await expect(signInPage.prompt).toBeVisible();
  await expect(signInPage.certificateNote).toHaveText(
    "The local sign-in server uses a certificate made on this machine, so your browser warns about it once: open the local sign-in server, accept its certificate, and come back here to sign in.",
  );
  await expect(signInPage.certificateLink).toHaveAttribute("href", `${E2E.issuer}/`);
  // Next's route announcer is an empty alert on every page; an error would have words.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
  await expectAxeClean(page);

  const refused = page.waitForEvent("requestfailed", (request) => new URL(request.url()).origin === E2E.issuer);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const failed = await refused;
  // The first thing sent to the sign-in server is the person's own navigation to its sign-in page, not a fetch.
  expect(failed.isNavigationRequest()).toBe(true);
  expect(new URL(failed.url()).pathname).toBe("/auth");
  expect(failed.failure()?.errorText).toMatch(/ERR_CERT/);
  // Where Chromium shows its certificate warning: its own error page, or the refused address itself.
  await expect.poll(() => page.url().startsWith("chrome-error://") || page.url().startsWith(`${E2E.issuer}/auth`)).toBe(true);

  const toSignInServer = requests.filter((request) => new URL(request.url()).origin === E2E.issuer);
  expect(toSignInServer.map((request) => new URL(request.url()).pathname)).toEqual(["/auth"]);
  expect(alerts, "errors the app showed").toEqual([]);
  await context.close();
});

test("the certificate link leads to the sign-in server's own page, which names itself and leads back to sign in", async ({ page, signInPage }) => {
  await page.goto("/");
  await signInPage.certificateLink.click();
  await page.waitForURL(`${E2E.issuer}/`);
  await expect(page.getByRole("heading", { name: "opwatch local sign-in server" })).toBeVisible();
  await expect(page.getByText("certificate was made on this machine")).toBeVisible();
  await expectAxeClean(page);

  await page.getByRole("link", { name: "Back to opwatch" }).click();
  await page.waitForURL(`${E2E.appOrigin}/`);
  await expect(signInPage.prompt).toBeVisible();
  await signInPage.signIn(ADA);
  await expect(signInPage.signedInName).toHaveText("Ada Lovelace");
  // Sign-out leaves by the end-session endpoint the app was handed.
  await signInPage.signOut();
});

test("the signed-out page passes axe in dark mode on a phone", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: E2E.appOrigin, colorScheme: "dark", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const signInPage = new SignInPage(page);
  await page.goto("/");
  await expect(signInPage.certificateLink).toBeVisible();
  await expectAxeClean(page);
  const link = await signInPage.certificateLink.boundingBox();
  expect(link && link.x + link.width).toBeLessThanOrEqual(390);
  await context.close();
});

test("accepting the certificate at the browser's warning leads on to the sign-in page, and signing in works", { tag: "@browser-ui" }, async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: false, baseURL: E2E.appOrigin });
  const page = await context.newPage();
  const signInPage = new SignInPage(page);
  await page.goto("/");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect.poll(() => page.url().startsWith("chrome-error://")).toBe(true);
  // What a person does at the warning.
  await page.getByRole("button", { name: "Advanced" }).click();
  await page.getByRole("link", { name: /^Proceed to localhost/ }).click();
  await expect(page.getByLabel("Username")).toBeVisible();
  await signInPage.submitCredentials(ADA);
  await expect(signInPage.signedInName).toHaveText("Ada Lovelace");
  await context.close();
});
