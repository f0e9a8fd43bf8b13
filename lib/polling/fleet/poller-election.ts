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

/** Runs the election for `lockName`; `onChange(true)` when this tab starts polling, `false` when it stops. Returns the undo. */
export function electPoller(lockName: string, env: ElectionEnvironment, onChange: (polling: boolean) => void): () => void {
  let polling = false;
  let request: AbortController | undefined;
  let release: (() => void) | undefined;
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
