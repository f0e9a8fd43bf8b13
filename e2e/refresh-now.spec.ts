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
