/**
 * Starts the Azure simulator on its own (`npm run simulator`).
 * Env: SIM_PORT (default 4010), SIM_HOST (default 127.0.0.1; loopback only), SIM_SEED_DEMO (default true),
 * SIM_AUTH_ISSUER + SIM_AUTH_JWKS_FILE (both or neither: verify bearer tokens against that issuer's public JWKS file;
 * without them any bearer is accepted unverified), SIM_ARM_READ_BUCKET (ARM's read throttling per subscription on the
 * devops routes: "capacity/refillPerSecond", default "250/25" as ARM documents it, or "off"),
 * SIM_DEVCENTER_READS_PER_MINUTE (DevCenter's per-minute limit per caller on every DevCenter answer: a whole number,
 * default 1000, or "off").
 */
import { readFileSync } from "node:fs";
import type { JSONWebKeySet } from "jose";
import { ARM_SUBSCRIPTION_READS } from "../lib/azure/token-bucket";
import { startSimulator, type SimulatorOptions } from "../lib/dev/simulator/server";
import { DEFAULT_DEVCENTER_READS_PER_MINUTE } from "../lib/dev/simulator/devcenter-state";
import { parseReadsPerMinuteText, parseThrottleText, type ThrottleSetting } from "../lib/dev/simulator/throttle-setting";
import { stopOnSignal } from "../lib/dev/process/stop-on-signal";

function fromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const port = Number(env.SIM_PORT ?? "4010");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`SIM_PORT must be a port number (0-65535), not "${env.SIM_PORT ?? ""}"`);
  const host = env.SIM_HOST ?? "127.0.0.1";
  if (!/^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1)$/.test(host)) throw new Error(`SIM_HOST must be a loopback address, not "${host}"`);
  const seed = (env.SIM_SEED_DEMO ?? "true").toLowerCase();
  if (!["true", "false", "1", "0"].includes(seed)) throw new Error(`SIM_SEED_DEMO must be true or false, not "${seed}"`);
  const issuer = env.SIM_AUTH_ISSUER;
  const jwksFile = env.SIM_AUTH_JWKS_FILE;
  if ((issuer === undefined) !== (jwksFile === undefined)) throw new Error("SIM_AUTH_ISSUER and SIM_AUTH_JWKS_FILE go together: set both or neither");
  return {
    port,
    host,
    seedDemo: seed === "true" || seed === "1",
    throttle: readBucket(env.SIM_ARM_READ_BUCKET),
    ...readsPerMinute(env.SIM_DEVCENTER_READS_PER_MINUTE),
    ...(issuer && jwksFile ? { auth: { issuer, jwks: readJwks(jwksFile) } } : {}),
  };
}

/** undefined (unset or empty) keeps the simulator's default, ARM's documented bucket. */
function readBucket(raw: string | undefined): ThrottleSetting | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const parsed = parseThrottleText(raw);
  if (!parsed.ok) throw new Error(`SIM_ARM_READ_BUCKET ${parsed.error}`);
  return parsed.value;
}

/** Unset or empty keeps the simulator's default. */
function readsPerMinute(raw: string | undefined): Pick<SimulatorOptions, "devCenterReadsPerMinute"> {
  if (raw === undefined || raw.trim() === "") return {};
  const parsed = parseReadsPerMinuteText(raw);
  if (!parsed.ok) throw new Error(`SIM_DEVCENTER_READS_PER_MINUTE ${parsed.error}`);
  return { devCenterReadsPerMinute: parsed.value };
}

function describeBucket(setting: ThrottleSetting | undefined): string {
  const bucket = setting ?? ARM_SUBSCRIPTION_READS;
  return bucket === false ? "not throttled" : `${bucket.capacity}, refilled at ${bucket.refillPerSecond}/s`;
}

function readJwks(file: string): JSONWebKeySet {
  const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys)) {
    throw new Error(`SIM_AUTH_JWKS_FILE ${file} is not a JSON Web Key Set ({"keys":[...]})`);
  }
  return parsed as JSONWebKeySet;
}

async function main(): Promise<void> {
  const options = fromEnv(process.env);
  const simulator = await startSimulator(options);
  console.info(`Azure simulator on ${simulator.url} (${options.auth ? `tokens verified against ${options.auth.issuer}` : "tokens not verified"})`);
  console.info(`ARM reads per subscription: ${describeBucket(options.throttle)}`);
  const perMinute = options.devCenterReadsPerMinute ?? DEFAULT_DEVCENTER_READS_PER_MINUTE;
  console.info(`DevCenter reads per caller: ${perMinute === false ? "not limited" : `${perMinute} a minute`}`);
  console.info(`Control API: POST ${simulator.url}/_sim/operations`);
  for (const demo of simulator.demo) console.info(`  ${demo.permalink}  ${demo.label ?? ""}`);
  stopOnSignal(() => simulator.close());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
