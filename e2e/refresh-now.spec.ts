import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { requestTimes } from "./fixtures/reads";
import { devops, NO_RETRY_AFTER, running, startedMinutesAgo } from "./fixtures/scenarios";
import type { SimulatorClient } from "./fixtures/simulator-client";
import { OperationPage } from "./pages/operation-page";

/**
 * An operation's open page reads it at least every 5 s, and its "Refresh now" reads at once, once, but never before
 * Azure's Retry-After. Each operation started ten minutes ago: by its age alone the policy would wait 50 s between
 * reads, so faster reads are the page's.
 */

const readCount = async (sim: SimulatorClient, id: string): Promise<number> => (await sim.requests(id)).length;

test.describe("refresh now", () => {
  test("refresh now reads once, at once; the open page is read at least every 5 s", async ({ page, sim }) => {
    const scenario = await sim.create(devops([{ afterMs: 0, headers: NO_RETRY_AFTER, body: running(30, { startTime: startedMinutesAgo(10) }) }]));
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "30");

    // Open and visible: at least every 5 s, though the operation's age alone asks for 50 s.
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const cadence = requestTimes(await sim.requests(scenario.id));
    // 5 s after the previous answer came back, so the simulator sees a gap of 5 s plus that read's own time, which on a
    // loaded machine can pass a second: still far below the 50 s the operation's age alone would ask for.
    for (let i = 1; i < cadence.length; i++) expect((cadence[i] ?? 0) - (cadence[i - 1] ?? 0)).toBeLessThanOrEqual(10_000);

    // Just after a read (and once the page knows it ended), a refresh reads at once: long before the next 5 s step.
    const before = await readCount(sim, scenario.id);
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 8_000 }).toBeGreaterThan(before);
    await expect(op.nextRead).not.toHaveAttribute("data-cause", "reading");
    const afterRead = await sim.requests(scenario.id);
    const lastReadAt = Math.max(...requestTimes(afterRead));
    await expect(op.refreshButton).not.toHaveAttribute("aria-disabled", "true");
    const clickedAt = Date.now();
    await op.refreshButton.click();
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 3_000 }).toBe(afterRead.length + 1);
    const refreshedAt = Math.max(...requestTimes(await sim.requests(scenario.id)));
    expect(refreshedAt - clickedAt, "the refresh read follows the click").toBeLessThan(2_000);
    expect(refreshedAt - lastReadAt, "sooner than the 5 s step").toBeLessThan(4_500);
    // Once: the read after it is the page's next 5 s step, not a second read for the same click.
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 10_000 }).toBe(afterRead.length + 2);
    const [, next = 0] = requestTimes(await sim.requests(scenario.id)).slice(-2);
    expect(next - refreshedAt, "no second read for one click").toBeGreaterThanOrEqual(4_500);
  });

  test("refresh now waits for Retry-After, says when it will be allowed, and reads nothing before", async ({ page, sim }) => {
    const startTime = startedMinutesAgo(10);
    const scenario = await sim.create(
      devops([
        { afterMs: 0, headers: { "Retry-After": "10" }, body: running(10, { startTime }) },
        { afterMs: 5_000, headers: NO_RETRY_AFTER, body: running(50, { startTime }) },
      ]),
    );
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "10");

    await expect(op.refreshButton).toHaveAttribute("aria-disabled", "true");
    await expect(op.refreshHold).toContainText(
      /^Refresh allowed in \d+ s \(at \d\d:\d\d:\d\d\): Azure asked not to read this operation before then \(Retry-After\)\.$/,
    );
    // The wait counts down.
    const secondsLeft = async () => Number(/in (\d+) s/.exec((await op.refreshHold.textContent()) ?? "")?.[1]);
    const first = await secondsLeft();
    // By keyboard and by mouse: the button stays focusable, and does nothing while held.
    await op.refreshButton.focus();
    await page.keyboard.press("Enter");
    await expect(op.refreshButton).toBeFocused();
    await op.refreshButton.click({ force: true });
    await expect.poll(secondsLeft).toBeLessThan(first);
    expect(await readCount(sim, scenario.id), "no read before Retry-After").toBe(1);

    // At the end of Retry-After the page reads, and the hold is gone.
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "50", { timeout: 20_000 });
    const [firstRead = 0, secondRead = 0] = requestTimes(await sim.requests(scenario.id));
    expect(secondRead - firstRead).toBeGreaterThanOrEqual(9_900);
    await expect(op.refreshHold).toHaveCount(0);
    await expect(op.refreshButton).not.toHaveAttribute("aria-disabled", "true");
    // Without Retry-After, the open page is read again within about 5 s.
    await expect.poll(() => readCount(sim, scenario.id), { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
    const [, second = 0, third = 0] = requestTimes(await sim.requests(scenario.id));
    expect(third - second).toBeLessThanOrEqual(6_500);
  });
});

/**
 * Whether the page ever showed the large card of a failed read or said "retrying", recorded by the page itself: a
 * passing failure lasts only until the next read, and sampling from the test could miss it.
 */
async function recordFailureAlarms(page: Page): Promise<() => Promise<{ card: boolean; retrying: boolean }>> {
  await page.addInitScript(() => {
    const seen = { card: false, retrying: false };
    Object.assign(window, { __failureAlarms: seen });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="read-failure"]')) seen.card = true;
      if (/retrying/i.test(document.querySelector("main")?.textContent ?? "")) seen.retrying = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __failureAlarms: { card: boolean; retrying: boolean } }).__failureAlarms);
}

const readFailure = (page: Page) => page.getByTestId("read-failure");

test.describe("a failed read on the open page", () => {
  test("a single 429 says so in the next-read line, without the failure card, and moves nothing", async ({ page, sim }) => {
    const startTime = startedMinutesAgo(10);
    // The open page reads every 5 s: its second read meets the 429, its third (after Retry-After) the operation again.
    const scenario = await sim.create(
      devops([
        { afterMs: 0, headers: NO_RETRY_AFTER, body: running(30, { startTime }) },
        {
          afterMs: 2_000,
          status: 429,
          headers: { "Retry-After": "4", "x-ms-error-code": "TooManyRequests" },
          body: { error: { code: "TooManyRequests", message: "Too many requests, try again later." } },
        },
        { afterMs: 8_000, headers: NO_RETRY_AFTER, body: running(60, { startTime }) },
      ]),
    );
    const alarms = await recordFailureAlarms(page);
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "30");
    const top = async () => {
      const box = await op.progressSection.boundingBox();
      return box && box.y + (await page.evaluate(() => window.scrollY));
    };
    const before = await top();
    expect(before).not.toBeNull();

    await expect(op.nextRead).toContainText(/^The last read was throttled \(429 TooManyRequests\)\. Next read (in \d+ s|now)/, { timeout: 15_000 });
    expect(await top(), "Progress stays where it was").toBe(before);

    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "60", { timeout: 15_000 });
    await expect(op.nextRead).not.toContainText("throttled");
    expect(await top()).toBe(before);
    expect(await alarms(), "no failure card, no 'retrying'").toEqual({ card: false, retrying: false });
  });

  test("a read that keeps failing shows why, after the next-read line has said it failed", async ({ page, sim }) => {
    const startTime = startedMinutesAgo(10);
    const unavailable = { status: 503, headers: NO_RETRY_AFTER, body: { error: { code: "ServiceUnavailable", message: "The service is down for maintenance." } } };
    const scenario = await sim.create(devops([{ afterMs: 0, headers: NO_RETRY_AFTER, body: running(30, { startTime }) }, { afterMs: 2_000, ...unavailable }]));
    const op = new OperationPage(page);
    await op.goto(scenario.permalink);
    await expect(op.progressBar).toHaveAttribute("aria-valuenow", "30");

    // The first failures are passing ones: one quiet line.
    await expect(op.nextRead).toContainText(/^The last read failed \(503 ServiceUnavailable\)\. Next read/, { timeout: 15_000 });
    await expect(readFailure(page)).toHaveCount(0);

    // Three failed reads in a row: the card says why.
    await expect(readFailure(page)).toBeVisible({ timeout: 30_000 });
    await expect(readFailure(page)).toContainText("ServiceUnavailable");
    const failed = (await sim.requests(scenario.id)).filter((r) => r.status === 503);
    expect(failed.length, "failed reads before the card").toBeGreaterThanOrEqual(3);
  });
});
