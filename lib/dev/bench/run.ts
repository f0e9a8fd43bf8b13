import { stopOnSignal } from "../process/stop-on-signal";
import { parseArgs, usage, UsageError, type OptionSpec, type ParsedOptions } from "./args";
import { cleanup, interrupt, wasInterrupted } from "./cleanup";

/**
 * A bench's life: parse its options (`--help` prints them), run it, and stop everything it started, whether it ends,
 * fails or is interrupted. Exit 2 for a bad option, 1 when the run itself broke; never because of a figure.
 */
export async function runBench<S extends OptionSpec>(
  command: string,
  options: S,
  main: (parsed: ParsedOptions<S>) => Promise<void>,
): Promise<void> {
  stopOnSignal(interrupt);
  const usageText = () => usage(`npm run ${command} --`, options);
  try {
    const parsed = parseArgs(process.argv.slice(2), options);
    if (parsed.help) console.info(usageText());
    else await main(parsed);
  } catch (error) {
    if (!wasInterrupted()) {
      console.error(error instanceof UsageError ? `${error.message}\n${usageText()}` : `${command} failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    }
  } finally {
    await cleanup();
  }
}
