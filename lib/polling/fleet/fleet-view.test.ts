import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FleetStatus } from "./fleet-status";
import { FleetViewPublisher } from "./fleet-view";

const status = (at: number): FleetStatus => ({ at, allPaused: undefined, scopes: [], next: {} });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("what the screen is shown", () => {
  it("changes role at once, and shows the latest status at most every half second, shared while polling", async () => {
    const shared: FleetStatus[] = [];
    const publisher = new FleetViewPublisher((s) => shared.push(s));
    let notified = 0;
    publisher.subscribe(() => {
      notified++;
    });
    publisher.publish({ role: "polling", status: status(1) });
    expect(publisher.getView()).toEqual({ role: "polling", status: status(1) });
    expect(notified).toBe(1);
    publisher.publish({ role: "polling", status: status(2) });
    publisher.publish({ role: "polling", status: status(3) });
    await vi.advanceTimersByTimeAsync(499);
    expect(publisher.getView().status).toEqual(status(1));
    await vi.advanceTimersByTimeAsync(1);
    expect(publisher.getView().status).toEqual(status(3));
    expect(shared).toEqual([status(3)]);
    expect(notified).toBe(2);
  });

  it("does not share what another tab sent", async () => {
    const shared: FleetStatus[] = [];
    const publisher = new FleetViewPublisher((s) => shared.push(s));
    publisher.publish({ role: "following", status: undefined });
    publisher.publish({ role: "following", status: status(1) });
    await vi.advanceTimersByTimeAsync(500);
    expect(publisher.getView()).toEqual({ role: "following", status: status(1) });
    expect(shared).toEqual([]);
  });

  it("tells no one once stopped", async () => {
    const publisher = new FleetViewPublisher(() => undefined);
    let notified = 0;
    publisher.subscribe(() => {
      notified++;
    });
    publisher.publish({ role: "polling", status: status(1) });
    publisher.publish({ role: "polling", status: status(2) });
    publisher.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(notified).toBe(1);
  });
});
