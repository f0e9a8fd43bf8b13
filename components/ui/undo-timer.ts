/**
 * When an undo offer ends: `durationMs` after it shows, never while the person has the pointer or focus on it, and
 * at least `afterPauseMs` after they leave it (so moving away to read something else does not end it at once).
 */
export interface UndoTimer {
  pause: () => void;
  resume: () => void;
  cancel: () => void;
}

export function startUndoTimer(onExpire: () => void, durationMs: number, afterPauseMs: number, now: () => number = Date.now): UndoTimer {
  let deadline = now() + durationMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pauses = 0;
  let done = false;

  const arm = () => {
    timer = setTimeout(() => {
      done = true;
      onExpire();
    }, Math.max(0, deadline - now()));
  };
  const disarm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  arm();

  return {
    // Counted: hover and focus pause independently, and the offer runs again only when both have left.
    pause() {
      if (done) return;
      pauses++;
      disarm();
    },
    resume() {
      if (done || pauses === 0) return;
      pauses--;
      if (pauses > 0) return;
      deadline = Math.max(deadline, now() + afterPauseMs);
      arm();
    },
    cancel() {
      done = true;
      disarm();
    },
  };
}
