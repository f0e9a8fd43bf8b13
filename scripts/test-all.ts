/**
 * `npm test`: every check, each printed with its time; it fails when any fails. The stages are the package's own
 * scripts, so each can also be run alone (`npm run lint`, `npm run test:e2e`, ...).
 *
 * Lint, typecheck and knip use one core each, so on a small machine they run beside the unit tests and the e2e suite's
 * build; a stage's output is printed whole when it ends, so stages never interleave lines. The build waits for the
 * typecheck, which reads the route types a build writes. The e2e suite runs last and alone (it keeps every core busy),
 * only when everything before it passed, on the build made here.
 */
import { spawn } from "node:child_process";
import { E2E_BUILD_ENV, E2E_PREBUILT_FLAG } from "../e2e/fixtures/app-build";

interface Stage {
  name: string;
  script: string;
  env?: Record<string, string>;
}

const LINT: Stage = { name: "lint", script: "lint" };
const KNIP: Stage = { name: "knip", script: "knip" };
const TYPECHECK: Stage = { name: "typecheck", script: "typecheck" };
const UNIT: Stage = { name: "test:unit", script: "test:unit" };
const E2E_BUILD: Stage = { name: "e2e build", script: "build", env: E2E_BUILD_ENV };
const E2E_STAGE: Stage = { name: "test:e2e", script: "test:e2e", env: { [E2E_PREBUILT_FLAG]: "1" } };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const times: string[] = [];
const startedAll = performance.now();

/** Runs one stage; `live` streams its output, otherwise it is printed whole at the end. Resolves to whether it passed. */
function run(stage: Stage, live: boolean): Promise<boolean> {
  const started = performance.now();
  if (live) console.info(`\n▶ ${stage.name}`);
  const child = spawn(npm, ["run", "--silent", stage.script], {
    env: { ...process.env, ...stage.env },
    stdio: live ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      const took = seconds(performance.now() - started);
      times.push(`${stage.name} ${took}`);
      if (!live) {
        console.info(`\n▶ ${stage.name}`);
        process.stdout.write(Buffer.concat(output));
      }
      if (code === 0) console.info(`✔ ${stage.name} ${took}`);
      else console.error(`\n✘ ${stage.name} failed after ${took} (exit ${code ?? signal ?? "?"})`);
      resolve(code === 0);
    });
  });
}

const all = async (runs: Promise<boolean>[]) => (await Promise.all(runs)).every(Boolean);
const lint = async () => (await run(LINT, false)) && run(KNIP, false);
const typed = async () => (await run(TYPECHECK, false)) && all([run(UNIT, false), run(E2E_BUILD, false)]);

const lanesPassed = await all([lint(), typed()]);
const passed = lanesPassed && (await run(E2E_STAGE, true));
const summary = `stages: ${times.join(" · ")} · total ${seconds(performance.now() - startedAll)}`;
if (!passed) {
  console.error(`\n✘ npm test failed${lanesPassed ? "" : " before the e2e suite, which did not run"}\n${summary}`);
  process.exit(1);
}
console.info(`\n${summary}`);
