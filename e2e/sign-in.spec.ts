import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BOTH_SCHEMES, expectAxeClean } from "./fixtures/axe";
import { expectNoSidewaysScroll } from "./fixtures/layout";
import type { LoggedRequest, ScenarioInput, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { OperationPage } from "./pages/operation-page";
import { ADA, GRACE, SignInPage } from "./pages/sign-in-page";

/**
 * Sign-in with the real MSAL library against the local OpenID server, and the tokens it gets checked by the Azure
 * simulator as Azure would check them. Every test here starts signed out and signs in (or not) by itself.
 */

test.use({ signedIn: false });

const AUDIENCE = { devops: "https://management.azure.com", devcenter: "https://devcenter.azure.com" } as const;

const running = (kind: "devops" | "devcenter"): ScenarioInput => ({
  kind,
  label: `sign-in test ${kind}`,
  steps: [{ afterMs: 0, status: 200, body: { status: kind === "devops" ? "InProgress" : "Running", percentComplete: 40 } }],
});

/** Whether a request went to this path of the sign-in server (MSAL adds query parameters of its own). */
const at = (request: Request, path: string) => {
  const url = new URL(request.url());
  return url.origin === E2E.issuer && url.pathname === path;
};

const SYNC_PATH = "/api/health";

function watchRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (request) => seen.push(request));
  return {
    /** The page's requests to the app's API, but the test's own sync requests. */
    api: () => seen.filter((r) => new URL(r.url()).pathname.startsWith("/api/") && new URL(r.url()).pathname !== SYNC_PATH),
    synced: () => seen.some((r) => new URL(r.url()).pathname === SYNC_PATH),
    // New authorization requests (not oidc-provider's own /auth/{uid} resume step).
    authorize: () => seen.filter((r) => at(r, "/auth")),
    refreshGrants: () => seen.filter((r) => at(r, "/token") && r.method() === "POST" && (r.postData() ?? "").includes("grant_type=refresh_token")),
  };
}

/**
 * Signed out, nothing may read an operation. The page's timers of the next minutes run at once (Playwright's clock,
 * installed before the page loaded), then the page fetches SYNC_PATH itself, and the test waits to see that request:
 * a read those timers started would have gone out before it, as the browser reports a page's requests in order.
 * (Signed out, a read has no token to wait for on its way.)
 */
async function runTimersAndSync(page: Page, watched: ReturnType<typeof watchRequests>): Promise<void> {
  await page.clock.fastForward("05:00");
  await page.evaluate((path) => fetch(path).then(() => undefined), SYNC_PATH);
  await expect.poll(() => watched.synced()).toBe(true);
}

/** Waits until the simulator has answered a request for the scenario with a verified token; returns those requests. */
async function verifiedRequests(sim: SimulatorClient, id: string, atLeast = 1) {
  let valid: Awaited<ReturnType<SimulatorClient["requests"]>> = [];
  await expect
    .poll(async () => {
      valid = (await sim.requests(id)).filter((r) => r.token.valid === true && r.status === 200);
      return valid.length;
    })
    .toBeGreaterThanOrEqual(atLeast);
  return valid;
}

test("signed out: a sign-in prompt and no operation request, on the dashboard and on a permalink", async ({ page, sim, signInPage }) => {
  await page.clock.install();
  const watched = watchRequests(page);
  const scenario = await sim.create(running("devops"));
  await page.goto("/");
  await expect(signInPage.prompt).toBeVisible();
  await page.goto(scenario.permalink);
  await expect(signInPage.prompt).toBeVisible();
  await runTimersAndSync(page, watched);
  expect(watched.api().map((r) => r.url())).toEqual([]);
  expect(await sim.requests(scenario.id)).toEqual([]);
});

test("a permalink opened signed out signs in through the local server and lands on it; each API gets its own token", async ({
  page,
  sim,
  signInPage,
}) => {
  const devops = await sim.create(running("devops"));
  const devcenter = await sim.create(running("devcenter"));
  const watched = watchRequests(page);

  await page.goto(devops.permalink);
  await expect(signInPage.prompt).toBeVisible();
  await signInPage.signIn(ADA);
  expect(new URL(page.url()).pathname).toBe(devops.permalink);
  await expect(signInPage.signedInName).toHaveText("Ada Lovelace");

  const devopsCalls = await verifiedRequests(sim, devops.id);
  expect(devopsCalls[0]?.token).toMatchObject({ present: true, valid: true, audience: AUDIENCE.devops });
  expect(devopsCalls[0]?.headers.authorization).toBe("Bearer <redacted>");

  // The DevCenter token comes silently from the refresh token: no second visit to the sign-in page.
  await page.goto(devcenter.permalink);
  const devcenterCalls = await verifiedRequests(sim, devcenter.id);
  expect(devcenterCalls[0]?.token).toMatchObject({ present: true, valid: true, audience: AUDIENCE.devcenter });
  expect(watched.authorize()).toHaveLength(1);
  expect(watched.refreshGrants().length).toBeGreaterThanOrEqual(1);
});

test("a wrong password is refused by the sign-in page, then the right one signs in", async ({ page, signInPage }) => {
  await page.goto("/");
  await signInPage.startSignIn();
  await signInPage.submitCredentials({ username: GRACE.username, password: "wrong" });
  await expect(page.getByRole("alert")).toHaveText("Unknown username or wrong password.");
  await signInPage.submitCredentials(GRACE);
  await page.waitForURL(`${E2E.appOrigin}/`);
  await expect(signInPage.signedInName).toHaveText("Grace Hopper");
});

test("an access token due for renewal is renewed silently with the refresh token", async ({ page, sim, signInPage }) => {
  // MSAL counts a token as due by the page's clock: Playwright's clock takes the page there without waiting.
  await page.clock.install();
  const scenario = await sim.create(running("devops"));
  const watched = watchRequests(page);
  await page.goto(scenario.permalink);
  await signInPage.signIn(ADA);
  const [first] = await verifiedRequests(sim, scenario.id);
  const firstIssuedAt = Date.parse(first?.token.issuedAt ?? "");
  expect(firstIssuedAt, "the simulator logs each token's issue time").not.toBeNaN();

  // Past the time MSAL renews a token at, the page's next read must carry a new one.
  await page.clock.fastForward((E2E.accessTokenTtlSeconds - E2E.msalRenewalOffsetSeconds + 1) * 1000);
  const renewed = (r: LoggedRequest) =>
    r.token.valid === true && Date.parse(r.token.issuedAt ?? "") > firstIssuedAt;
  await expect.poll(async () => (await sim.requests(scenario.id)).filter(renewed).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  const requests = await sim.requests(scenario.id);
  expect(requests.map((r) => r.token.valid)).not.toContain(false);
  expect(requests.find(renewed)?.token.audience).toBe(AUDIENCE.devops);
  expect(watched.refreshGrants().length).toBeGreaterThanOrEqual(1);
  expect(watched.authorize(), "no second visit to the sign-in page").toHaveLength(1);
  // Next's route announcer is an empty alert region: only alerts that say something count.
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveCount(0);
});

test("sign-out clears the session: tokens leave session storage and the next request is refused", async ({ page, sim, signInPage }) => {
  await page.clock.install();
  const watched = watchRequests(page);
  const scenario = await sim.create(running("devops"));
  await page.goto(scenario.permalink);
  await signInPage.signIn(ADA);
  await verifiedRequests(sim, scenario.id);
  const tokenEntries = () =>
    page.evaluate(() => Object.keys(sessionStorage).filter((k) => /accesstoken|refreshtoken|idtoken/i.test(k)).length);
  expect(await tokenEntries()).toBeGreaterThan(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /token/i.test(k)))).toEqual([]);
  const pollLogs = () =>
    page.evaluate(async () => (await indexedDB.databases()).filter((db) => db.name?.startsWith("opwatch.poll-log.") === true).length);
  await expect.poll(pollLogs).toBe(1);

  await signInPage.signOut();
  const readsAtSignOut = watched.api().length;
  expect(await tokenEntries()).toBe(0);
  await expect.poll(pollLogs, "the poll log leaves with the person").toBe(0);

  const okBefore = (await sim.requests(scenario.id)).filter((r) => r.status === 200).length;
  await page.goto(scenario.permalink);
  await expect(signInPage.prompt).toBeVisible();
  const refused = await page.request.get(scenario.proxyPath);
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("AuthenticationRequired");
  await runTimersAndSync(page, watched);
  expect(watched.api().slice(readsAtSignOut).map((r) => r.url()), "no read once signed out").toEqual([]);
  expect((await sim.requests(scenario.id)).filter((r) => r.status === 200)).toHaveLength(okBefore);

  // Signing in again needs the password: the sign-in server's session ended too.
  await signInPage.startSignIn();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("signing out in one tab signs out every tab of the browser at once, and leaves a clean address", async ({ page, context, sim, signInPage }) => {
  const scenario = await sim.create(running("devops"));
  await page.goto(scenario.permalink);
  await signInPage.signIn(ADA);

  // A second tab of the same browser, signed in through the sign-in server's session (each tab keeps its own tokens).
  const second = await context.newPage();
  const secondSignIn = new SignInPage(second);
  const secondOperation = new OperationPage(second);
  await secondOperation.goto(scenario.permalink);
  await secondSignIn.signInWithSession();
  await expect(secondOperation.progressBar).toHaveAttribute("aria-valuenow", "40");

  await signInPage.signOut();

  // The other tab is signed out without being touched: the prompt, no name, no operation.
  await expect(secondSignIn.prompt).toBeVisible();
  await expect(secondSignIn.signedInName).toHaveCount(0);
  await expect(secondOperation.progressBar).toHaveCount(0);
  await expect(second.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  // Its own copy of the sign-in is gone too: a reload stays signed out.
  await second.reload();
  await expect(secondSignIn.prompt).toBeVisible();
  await expect(secondSignIn.signedInName).toHaveCount(0);
  expect(await second.evaluate(() => Object.keys(sessionStorage).filter((k) => /accesstoken|refreshtoken|idtoken/i.test(k)))).toEqual([]);
  await expect(page, "tab 1: no sign-out response left in the address bar").toHaveURL(`${E2E.appOrigin}/`);
});

test("a tab that was away when another tab signed out comes back signed out", async ({ page, context, sim, signInPage }) => {
  const scenario = await sim.create(running("devops"));
  await page.goto(scenario.permalink);
  await signInPage.signIn(ADA);
  const second = await context.newPage();
  const secondSignIn = new SignInPage(second);
  await second.goto(scenario.permalink);
  await secondSignIn.signInWithSession();

  // Away on another site: the tab hears nothing, and keeps its own copy of the sign-in.
  await second.goto(`${E2E.issuer}/`);
  await signInPage.signOut();
  await second.goBack();
  await expect(secondSignIn.prompt).toBeVisible();
  await expect(secondSignIn.signedInName).toHaveCount(0);
});

test("the demo's sign-in suits a phone in dark mode: a demo account asked for, a dark page with margins, the password on one line, Cancel beside Sign in", async ({
  page,
  signInPage,
}) => {
  const width = 390;
  await page.setViewportSize({ width, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Sign in to opwatch" })).toContainText("Sign in with your demo account to continue.");

  await signInPage.startSignIn();
  const brightest = await page.evaluate(() => Math.max(...(getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number)));
  expect(brightest, "the sign-in page's background in dark mode").toBeLessThan(64);
  const card = await page.getByRole("main").boundingBox();
  expect(card?.x, "the card's left margin").toBeGreaterThanOrEqual(8);
  expect(card && width - (card.x + card.width), "the card's right margin").toBeGreaterThanOrEqual(8);
  await expectNoSidewaysScroll(page);
  const hintLines = await page.getByText(ADA.password, { exact: true }).evaluateAll((codes) => codes.map((code) => code.getClientRects().length));
  expect(hintLines, "lines each demo account's password takes").toEqual([1, 1]);
  const signIn = await page.getByRole("button", { name: "Sign in", exact: true }).boundingBox();
  const cancel = await page.getByRole("button", { name: "Cancel" }).boundingBox();
  expect(cancel?.y, "Cancel in one row with Sign in").toBe(signIn?.y);
  await expectAxeClean(page, { colorSchemes: BOTH_SCHEMES });
});

test("the redirect bridge page has nothing to do when opened directly", async ({ page }) => {
  await page.goto("/redirect-bridge");
  await expect(page.getByText("There is no sign-in to complete here.")).toBeVisible();
  const response = await page.request.get("/redirect-bridge");
  expect(response.headers()["cross-origin-opener-policy"]).toBeUndefined();
});

test.describe("a fresh browser context", () => {
  test("opening a permalink with a query signs in and returns to exactly that address", async ({ newBrowserPage, sim }) => {
    const scenario = await sim.create(running("devcenter"));
    const page = await newBrowserPage({ signedIn: false });
    await page.goto(`${scenario.permalink}?from=share`);
    await new SignInPage(page).signIn(GRACE);
    expect(page.url()).toBe(`${E2E.appOrigin}${scenario.permalink}?from=share`);
    const calls = await verifiedRequests(sim, scenario.id);
    expect(calls[0]?.token.audience).toBe(AUDIENCE.devcenter);
  });
});
