/** The build both UI benches serve (`npm run bench:proxy` builds its API-only variant into the same folder). */
export const BENCH_DIST_DIR = ".next-bench";
