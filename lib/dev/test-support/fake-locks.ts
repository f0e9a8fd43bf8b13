/**
 * Web Locks as one browser grants a lock: one holder, the other requests queued in order, a pending request aborted by
 * its signal. Enough of `navigator.locks.request` for the poller election (lib/polling/fleet/poller-election.ts).
 */
export function fakeLocks(): Pick<LockManager, "request"> {
  const queue: { grant: () => void }[] = [];
  let held = false;
  const next = () => {
    if (!held) queue.shift()?.grant();
  };
  return {
    request: ((_name: string, options: LockOptions, callback: () => Promise<void>) =>
      new Promise<void>((resolve, reject) => {
        const entry = {
          grant: () => {
            held = true;
            void callback().finally(() => {
              held = false;
              resolve();
              next();
            });
          },
        };
        options.signal?.addEventListener("abort", () => {
          const index = queue.indexOf(entry);
          if (index < 0) return;
          queue.splice(index, 1);
          reject(new DOMException("aborted", "AbortError"));
        });
        queue.push(entry);
        next();
      })) as LockManager["request"],
  };
}
