import type { FleetStatus } from "./fleet-status";

/**
 * What this tab's scheduler shows: its role at once, and the status at most every STATUS_EVERY_MS, since the status
 * changes with every read. The polling tab hands each status it shows to the other tabs as well.
 */

type FleetRole = "polling" | "following" | "idle";

export interface FleetView {
  role: FleetRole;
  status: FleetStatus | undefined;
}

const STATUS_EVERY_MS = 500;

export class FleetViewPublisher {
  private view: FleetView = { role: "idle", status: undefined };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: FleetStatus | undefined;

  /** `share`: the status the polling tab shows, for the other tabs. */
  constructor(private readonly share: (status: FleetStatus) => void) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getView = (): FleetView => this.view;

  publish(view: FleetView): void {
    if (view.role !== this.view.role) {
      this.view = view;
      this.notify();
      return;
    }
    this.pending = view.status;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.view = { role: this.view.role, status: this.pending };
      if (this.view.role === "polling" && this.pending) this.share(this.pending);
      this.notify();
    }, STATUS_EVERY_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
