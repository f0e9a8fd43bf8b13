import type { Page } from "@playwright/test";
import { demoBoard, demoBoardLink, demoWatchList } from "../lib/dev/demo-operations";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { answering, devcenter, devops, failed, running, succeeded, uniqueId } from "./fixtures/scenarios";
import type { CreatedScenario, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { BoardPage } from "./pages/board-page";
import { DashboardPage, refKeyOf } from "./pages/dashboard-page";
import { SignInPage } from "./pages/sign-in-page";

/*
 * Board links: the dashboard's Share board makes a link that carries the operations in its fragment; a fresh,
 * signed-out browser opens it, signs in through the sign-in server, lands back on it (fragment included) and reads
 * them without saving them; a cut or changed link says what it lost and shows the rest.
 */

interface Fixture {
  scenario: CreatedScenario;
  label: string | undefined;
  category: "failed" | "running" | "succeeded";
}

/** A failed and a succeeded devops operation of one subscription, and a running DevCenter one; two of them labelled. */
async function createOperations(sim: SimulatorClient): Promise<Fixture[]> {
  const subscriptionId = uniqueId();
  const ofTheSubscription = (body: Record<string, unknown>) =>
    sim.create(devops(answering(body), { clock: "created", ids: { subscriptionId, resourceGroupName: "rg-board", securityConnectorName: "conn-board" } }));
  const rolloutFailure = failed({
    code: "DeploymentFailed",
    message: "The rollout failed.",
    details: [{ code: "QuotaExceeded", message: "Not enough cores in westeurope." }],
  });
  return [
    { scenario: await ofTheSubscription(rolloutFailure), label: "Nightly rollout – Prüfung #3", category: "failed" },
    {
      scenario: await sim.create(devcenter(answering(running(40, { status: "Running" })), { clock: "created" })),
      label: "dev box wave 2",
      category: "running",
    },
    { scenario: await ofTheSubscription(succeeded), label: undefined, category: "succeeded" },
  ];
}

/** Watches the operations on the dashboard (with their labels) and shares them; returns the link and the operations in its order. */
async function shareFromDashboard(page: Page, fixtures: readonly Fixture[]): Promise<{ link: string; ordered: Fixture[] }> {
  const dashboard = new DashboardPage(page);
  await page.goto("/");
  for (const { scenario, label } of fixtures) await dashboard.watch(scenario, label);
  // The board carries the rows in the order shown (needs attention first): once every status is in, it holds still.
  for (const { scenario, category } of fixtures) await expect(dashboard.statusBadge(scenario.permalink)).toHaveAttribute("data-status-category", category);
  const shownKeys = await dashboard.rowOrder();
  const ordered = shownKeys.map((key) => fixtures.find((f) => refKeyOf(f.scenario.permalink) === key)).filter((f) => f !== undefined);
  expect(ordered).toHaveLength(fixtures.length);
  const board = new BoardPage(page);
  const link = await board.share();
  await expect(board.shareLink).toHaveAttribute("data-count", String(fixtures.length));
  await expect(board.shareStatus).toContainText(`${fixtures.length} operations, ${link.length.toLocaleString("en")} characters`);
  expect(link.startsWith(`${E2E.appOrigin}/board#ob1`)).toBe(true);
  return { link, ordered };
}

/** How a damaged link's message names an operation: its label in quotes, else its operation id. */
function nameInProblem({ label, scenario }: Fixture): string {
  const id = scenario.ref.operationResultId ?? scenario.ref.operationId ?? "";
  return label === undefined ? id : `“${label}”`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every request URL the page makes from now on. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

async function expectBoardShows(board: BoardPage, fixtures: readonly Fixture[]): Promise<void> {
  for (const { scenario, label, category } of fixtures) {
    const row = board.row(scenario.permalink);
    await expect(row.getByTestId("status-badge")).toHaveAttribute("data-status-category", category);
    if (label !== undefined) await expect(row.getByTestId("board-row-name")).toHaveText(label);
  }
}

test.describe("board link", () => {
  test("round trip: share on the dashboard, open in a fresh signed-out browser, sign in, see the board, add all", async ({ page, newBrowserPage, sim }) => {
    const { link, ordered: fixtures } = await shareFromDashboard(page, await createOperations(sim));
    const payload = link.split("#")[1] ?? "";

    const fresh = await newBrowserPage({ signedIn: false });
    const freshUrls = recordUrls(fresh);
    await fresh.goto(link);
    const freshSignIn = new SignInPage(fresh);
    await expect(freshSignIn.prompt).toBeVisible();
    // signIn() waits until the page is back on exactly the URL it started from: the fragment survives the sign-in.
    await freshSignIn.signIn();
    expect(fresh.url()).toBe(link);

    const board = new BoardPage(fresh);
    await expect(board.heading).toBeVisible();
    await expect(fresh.getByText("This is a shared board, not your watch list")).toBeVisible();
    await expect(board.rows).toHaveCount(fixtures.length);
    await expectBoardShows(board, fixtures);
    await expect(board.problems).toHaveCount(0);
    expect(await board.storedWatchList(), "opening a board saves nothing").toEqual([]);
    await expectAxeClean(fresh);

    await board.addAllButton.click();
    await expect(board.addResult).toHaveText("Added 3 operations to your watch list.");
    const stored = await board.storedWatchList();
    expect(stored.map((item) => item.label)).toEqual(fixtures.map((f) => f.label));
    await expect(board.addAllButton).toBeDisabled();

    expect(payload.length).toBeGreaterThan(20);
    expect(freshUrls.filter((url) => url.includes(payload.slice(0, 20))), "the fragment never leaves the browser").toEqual([]);
  });

  test("a cut, a changed and a foreign link each say what is wrong and show what could be read; the page follows the fragment", async ({
    page,
    newBrowserPage,
    sim,
  }) => {
    const { link, ordered: fixtures } = await shareFromDashboard(page, await createOperations(sim));
    const [base = "", payload = ""] = link.split("#");
    const [one, two, three] = fixtures;
    if (one === undefined || two === undefined || three === undefined) throw new Error("three fixtures expected");
    const tokens = payload.split("~");
    // Entry tokens start with their scope's index (a digit); the header starts with "ob", tables with capitals.
    const entries = tokens.map((token, i) => ({ token, i })).filter(({ token, i }) => i > 0 && /^[0-9]/.test(token));
    const middle = entries[1];
    if (middle === undefined) throw new Error("the link has no second entry");
    const changed = [...tokens];
    changed[middle.i] = `${middle.token.slice(0, 4)}${middle.token[4] === "A" ? "B" : "A"}${middle.token.slice(5)}`;
    const cut = `${base}#${payload.slice(0, payload.length - 12)}`;

    // Another browser, signed in: how a damaged link reads is what this test is about (the round trip signs in).
    const fresh = await newBrowserPage();
    await fresh.goto(cut);
    const board = new BoardPage(fresh);
    await expect(board.problems).toHaveText(
      new RegExp(`1 of 3 operations could not be read from this link: it was cut off after operation 2 \\(${escapeRegExp(nameInProblem(two))}\\)\\.`),
    );
    await expect(board.rows).toHaveCount(2);
    await expectBoardShows(board, fixtures.slice(0, 2));
    await expectAxeClean(fresh);

    // A new fragment in the open page (as pasting a link into the address bar does) is read at once.
    await fresh.evaluate((hash) => {
      window.location.hash = hash;
    }, changed.join("~"));
    await expect(board.problems).toHaveText(
      new RegExp(`1 of 3 operations could not be read from this link: it is damaged after operation 1 \\(${escapeRegExp(nameInProblem(one))}\\)`),
    );
    await expect(board.rows).toHaveCount(2);
    await expectBoardShows(board, [one, three]);

    await fresh.evaluate(() => {
      window.location.hash = "access_token-looking-garbage";
    });
    await expect(board.problems).toHaveText(/does not carry an opwatch board/);
    await expect(board.rows).toHaveCount(0);
    await expect(board.empty.getByRole("link", { name: "Go to your dashboard" })).toBeVisible();
    expect(await board.storedWatchList()).toEqual([]);

    // Back to the damaged board: one row's Watch adds that operation alone, with the board's label.
    await fresh.goBack();
    await expect(board.rows).toHaveCount(2);
    const first = one;
    await board.row(first.scenario.permalink).getByRole("button", { name: /^Watch / }).click();
    await expect(board.row(first.scenario.permalink)).toContainText("On your watch list");
    expect((await board.storedWatchList()).map((item) => item.label)).toEqual([first.label]);
  });

  test.describe("in the demo", () => {
    test.use({ firstVisitSeeded: true });

    test("the board link the demo prints holds operations a first visit does not watch, so Add all adds them", async ({ page }) => {
      const dashboard = new DashboardPage(page);
      await page.goto("/");
      const watched = demoWatchList(E2E.simulatorOrigin).length;
      await expect(dashboard.rows).toHaveCount(watched);

      await page.goto(demoBoardLink(E2E.appOrigin, E2E.simulatorOrigin));
      const board = new BoardPage(page);
      const items = demoBoard(E2E.simulatorOrigin);
      await expect(board.rows).toHaveCount(items.length);
      for (const { permalink, label } of items) await expect(board.row(permalink).getByTestId("board-row-name")).toHaveText(label);
      await expect(board.problems).toHaveCount(0);
      await expect(page.getByText("Every operation of this board is on your watch list")).toHaveCount(0);
      await board.addAllButton.click();
      await expect(board.addResult).toHaveText(`Added ${items.length} operations to your watch list.`);

      await page.goto("/");
      await expect(dashboard.rows).toHaveCount(watched + items.length);
    });
  });
});
