/** Runs `stop` once on Ctrl-C, SIGTERM or a closed parent pipe, then exits; a second signal exits at once. */
export function stopOnSignal(stop: () => Promise<unknown>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) process.exit(1);
    stopping = true;
    const forced = setTimeout(() => process.exit(1), 5_000);
    forced.unref();
    void stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  process.on("SIGHUP", handler);
}
