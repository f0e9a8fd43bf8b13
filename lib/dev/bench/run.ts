import { stopOnSignal } from "../process/stop-on-signal";
import { cleanup, interrupt, wasInterrupted } from "./cleanup";
import { readOptions, type OptionSpec, type ParsedOptions } from "./options";

/**
 * A bench's life: read its options (`--help` prints them), run it, and stop everything it started, whether it ends,
 * fails or is interrupted. Exit 2 for a bad option, 1 when the run itself broke; never because of a figure.
 */
export async function runBench<S extends OptionSpec>(
  command: string,
  options: S,
  main: (parsed: ParsedOptions<S>) => Promise<void>,
): Promise<void> {
  const parsed = readOptions(command, options);
  stopOnSignal(interrupt);
  try {
    await main(parsed);
  } catch (error) {
    if (!wasInterrupted()) {
      console.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}
