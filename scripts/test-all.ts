/**
 * `npm test`: every check in order, each printed with its time, stopping at the first that fails. The stages are the
 * package's own scripts, so each can also be run alone (`npm run lint`, `npm run test:e2e`, ...).
 */
import { spawnSync } from "node:child_process";

const STAGES = ["lint", "typecheck", "knip", "test:unit", "test:e2e"] as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const times: string[] = [];
const startedAll = performance.now();

for (const stage of STAGES) {
  console.info(`\n▶ ${stage}`);
  const started = performance.now();
  const run = spawnSync(npm, ["run", "--silent", stage], { stdio: "inherit" });
  const took = performance.now() - started;
  times.push(`${stage} ${seconds(took)}`);
  if (run.status !== 0) {
    console.error(`\n✘ ${stage} failed after ${seconds(took)} (exit ${run.status ?? run.signal ?? "?"})`);
    console.error(`stages: ${times.join(" · ")}`);
    process.exit(run.status ?? 1);
  }
  console.info(`✔ ${stage} ${seconds(took)}`);
}
console.info(`\nstages: ${times.join(" · ")} · total ${seconds(performance.now() - startedAll)}`);
