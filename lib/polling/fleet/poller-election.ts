/**
 * Which tab of the browser polls: the one holding a Web Lock, and a tab only asks for it while visible. A tab that is
 * hidden or closed lets go, and a visible tab waiting for the lock takes over; when every tab is hidden, nobody polls.
 * Without Web Locks (an insecure origin, an old browser) each visible tab polls for itself.
 */

export interface ElectionEnvironment {
  locks: Pick<LockManager, "request"> | undefined;
  isVisible: () => boolean;
  /** Subscribes to visibility changes; returns the undo. */
  onVisibilityChange: (listener: () => void) => () => void;
}

export function browserElectionEnvironment(): ElectionEnvironment {
  return {
    locks: typeof navigator !== "undefined" && "locks" in navigator ? navigator.locks : undefined,
    isVisible: () => document.visibilityState === "visible",
    onVisibilityChange: (listener) => {
      document.addEventListener("visibilitychange", listener);
      return () => {
        document.removeEventListener("visibilitychange", listener);
      };
    },
  };
}

/** An early stand not taken over within this time lets go of the lock: its tab's views never came. */
export const EARLY_STAND_MS = 10_000;

interface EarlyStand {
  controller: AbortController;
  /** Set once the lock is granted: lets go of it. */
  release: (() => void) | undefined;
  /** The election that took the stand over, told when the lock is granted. */
  onGrant: ((release: () => void) => void) | undefined;
  timer: ReturnType<typeof setTimeout>;
}

const earlyStands = new Map<string, EarlyStand>();

function dropEarlyStand(lockName: string, stand: EarlyStand): void {
  if (earlyStands.get(lockName) === stand) earlyStands.delete(lockName);
  clearTimeout(stand.timer);
  stand.release?.();
  stand.controller.abort();
}

/**
 * Asks for the lock before this tab's runner exists, as soon as the person is known to be signed in: the round trip
 * to the browser then overlaps the loading of the views, and `electPoller` for the same name takes the stand over
 * (granted or still queued). A hidden tab does not stand; one stand per name at a time.
 */
export function standEarly(lockName: string, env: ElectionEnvironment, unclaimedMs: number = EARLY_STAND_MS): void {
  if (!env.locks || !env.isVisible() || earlyStands.has(lockName)) return;
  const stand: EarlyStand = {
    controller: new AbortController(),
    release: undefined,
    onGrant: undefined,
    timer: setTimeout(() => {
      dropEarlyStand(lockName, stand);
    }, unclaimedMs),
  };
  earlyStands.set(lockName, stand);
  env.locks
    .request(lockName, { signal: stand.controller.signal }, () => {
      return new Promise<void>((resolve) => {
        stand.release = resolve;
        stand.onGrant?.(resolve);
      });
    })
    .catch(() => {
      // Aborted while queued: let go unclaimed, or by the election that took it over.
    });
}

function claimEarlyStand(lockName: string): EarlyStand | undefined {
  const stand = earlyStands.get(lockName);
  if (!stand) return undefined;
  earlyStands.delete(lockName);
  clearTimeout(stand.timer);
  return stand;
}

/** Runs the election for `lockName`; `onChange(true)` when this tab starts polling, `false` when it stops. Returns the undo. */
export function electPoller(lockName: string, env: ElectionEnvironment, onChange: (polling: boolean) => void): () => void {
  let polling = false;
  let request: AbortController | undefined;
  let release: (() => void) | undefined;
  // Without Web Locks nothing was stood for; an unused stand would only wait out its time.
  let early = env.locks ? claimEarlyStand(lockName) : undefined;
  const set = (value: boolean) => {
    if (polling === value) return;
    polling = value;
    onChange(value);
  };

  const stand = () => {
    if (request) return;
    if (!env.locks) {
      set(true);
      return;
    }
    if (early) {
      const taken = early;
      early = undefined;
      request = taken.controller;
      const granted = (resolve: () => void) => {
        release = resolve;
        set(true);
      };
      if (taken.release) granted(taken.release);
      else taken.onGrant = granted;
      return;
    }
    const controller = new AbortController();
    request = controller;
    env.locks
      .request(lockName, { signal: controller.signal }, () => {
        // Held until `release` runs: the lock is this tab's for as long as it polls.
        return new Promise<void>((resolve) => {
          release = resolve;
          set(true);
        });
      })
      .catch(() => {
        // Aborted while waiting: this tab was hidden before its turn came.
      });
  };

  const stepDown = () => {
    set(false);
    release?.();
    release = undefined;
    request?.abort();
    request = undefined;
    if (early) dropEarlyStand(lockName, early);
    early = undefined;
  };

  const onVisibility = () => {
    if (env.isVisible()) stand();
    else stepDown();
  };
  const unsubscribe = env.onVisibilityChange(onVisibility);
  onVisibility();
  return () => {
    unsubscribe();
    stepDown();
  };
}
