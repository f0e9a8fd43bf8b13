import { createRequire } from "node:module";
import path from "node:path";

/** The checkout the bench runs in, and Next's own CLI (run by this Node, so signals reach it, not an npx shim). */
export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
export const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** The build both UI benches serve (`npm run bench:proxy` builds its API-only variant into the same folder). */
export const BENCH_DIST_DIR = ".next-bench";
