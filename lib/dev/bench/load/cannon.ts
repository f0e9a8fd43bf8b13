import autocannon from "autocannon";
import { answerOf } from "./answer";
import type { Tally } from "./tally";

/**
 * One autocannon run against the app with every answer recorded in a Tally: its status, Azure's error code and
 * message, Retry-After and latency. Each connection stands for one client: `target(connection)` gives the path and
 * headers of that connection's next request, so a client can keep its own address and operation, or each request
 * can come from the next address in turn.
 */

export interface Target {
  path: string;
  headers: Record<string, string>;
}

export interface CannonRun {
  origin: string;
  connections: number;
  /** How long to send (whole or not); ignored when `amount` is given. */
  seconds?: number;
  /** How many requests in all, shared among the connections. */
  amount?: number;
  /** At most one request a second per connection; otherwise each sends again as soon as it is answered. */
  oncePerSecond?: boolean;
  target: (connection: number) => Target;
  tally: Tally;
}

const TIMEOUT_SECONDS = 10;

export async function runCannon(run: CannonRun): Promise<void> {
  let connections = 0;
  const record = (answer: Parameters<Tally["add"]>[0]) => {
    run.tally.add(answer, Date.now());
  };
  await autocannon({
    url: run.origin,
    connections: run.connections,
    ...(run.amount === undefined ? { duration: run.seconds } : { amount: run.amount }),
    // A rate per connection makes autocannon correct its own histogram for late answers; ours records what came.
    ...(run.oncePerSecond === true ? { connectionRate: 1, ignoreCoordinatedOmission: true } : {}),
    // Its samples are also when it looks at the clock: every 100 ms, so a run of 4.5 s stops then, not at 5 s.
    sampleInt: 100,
    timeout: TIMEOUT_SECONDS,
    setupClient: (client) => {
      const connection = connections++;
      // autocannon hands over the body and headers (onResponse) just before the latency (the response event).
      let answered: { status: number; body: string; headers: Parameters<typeof answerOf>[2] } | undefined;
      client.setRequests([
        {
          method: "GET",
          setupRequest: (request) => ({ ...request, ...run.target(connection) }),
          onResponse: (status, body, _context, headers) => {
            answered = { status, body, headers };
          },
        },
      ]);
      client.on("response", (_status, _bytes, ms) => {
        if (answered !== undefined) record(answerOf(answered.status, answered.body, answered.headers, ms));
        answered = undefined;
      });
      // Events autocannon's types leave out: a request sent (the first already in the client's constructor, after
      // this setup), one unanswered within the timeout, a connection that failed.
      client.addListener("request", () => {
        run.tally.sent++;
      });
      client.addListener("timeout", () => {
        record({ kind: "failed", reason: `no answer within ${TIMEOUT_SECONDS} s` });
      });
      client.addListener("connError", (error: NodeJS.ErrnoException) => {
        record({ kind: "failed", reason: error.code ?? error.message });
      });
    },
  });
}

/**
 * `clients` that each send once a second for `seconds`, their beats spread over the second: autocannon sends a
 * rate-limited connection's request at the start of each second of its life, so the clients are split into `slots`
 * runs started 1/slots s apart (and stopped together), and the clients of one slot send at the same moment.
 */
export async function runOncePerSecond(options: {
  origin: string;
  clients: number;
  slots: number;
  seconds: number;
  target: (client: number) => Target;
  tally: Tally;
}): Promise<void> {
  const slots = Math.min(options.slots, options.clients);
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: slots }, async (_, slot) => {
      const members = Array.from({ length: options.clients }, (_, i) => i).filter((i) => i % slots === slot);
      const offsetMs = (slot * 1000) / slots;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + offsetMs - Date.now())));
      await runCannon({
        origin: options.origin,
        connections: members.length,
        seconds: options.seconds - offsetMs / 1000,
        oncePerSecond: true,
        target: (connection) => options.target(members[connection] ?? 0),
        tally: options.tally,
      });
    }),
  );
}
