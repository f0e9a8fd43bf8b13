/**
 * What a bench has started (servers, the browser, a build) and must stop, newest first: run once at the end, or
 * at once when the bench is interrupted (then the run's own failure, e.g. "browser has been closed", is noise).
 */
type Task = () => unknown;

const tasks: Task[] = [];
let interrupted = false;

export function onCleanup(task: Task): void {
  tasks.push(task);
}

export async function cleanup(): Promise<void> {
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    try {
      await task();
    } catch (error) {
      console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** For the signal handler: stop everything and remember why the run ended. */
export function interrupt(): Promise<void> {
  interrupted = true;
  console.error("interrupted: stopping what the bench started");
  return cleanup();
}

export const wasInterrupted = () => interrupted;
