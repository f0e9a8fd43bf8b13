/**
 * Where the bench stack listens, on loopback: apart from the demo (3000/4010/4443), the e2e tests (3100/4110/4543) and
 * `npm run screenshots` (3200/4210/4643), so any of them can run beside a bench.
 */
export const BENCH_PORTS = { app: 3250, simulator: 4250, signin: 4650 } as const;

export const benchAppOrigin = (port: number = BENCH_PORTS.app) => `http://localhost:${port}`;
