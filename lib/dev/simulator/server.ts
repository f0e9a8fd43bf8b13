import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";
import { DEFAULT_AUTHORIZATION_URI, pathNotFound } from "./azure-errors";
import { handleAzureRequest, type AzureHandlerContext } from "./azure-handler";
import { handleControlRequest } from "./control-api";
import { isControlPath, refuseControlRequest } from "./control-guard";
import { seedDemo } from "./demo-scenarios";
import { seedDemoDevCenter } from "./demo-devboxes";
import { handleDevCenterList } from "./devcenter-lists";
import { createDevCenterState, DEFAULT_DEVCENTER_READS_PER_MINUTE } from "./devcenter-state";
import { matchAzureRoute, matchControlRoute, matchDevCenterListRoute } from "./routes";
import { ScenarioStore, type CreatedScenario } from "./scenario-store";
import { jsonResponse, writeResponse, type SimResponse } from "./sim-response";
import { checkReadsPerMinute, checkThrottleSetting, type ThrottleSetting } from "./throttle-setting";
import { createTokenChecker } from "./token-check";

export interface SimulatorOptions {
  /** 0 = any free port (tests); default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Verify bearer JWTs against this issuer's keys; absent = any bearer accepted (logged as unverified). */
  auth?: { issuer: string; jwks: JSONWebKeySet };
  /** Load the built-in demo scenarios. */
  seedDemo?: boolean;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * ARM's read throttling on the devops routes, per subscription: the bucket of every subscription that no scenario
   * configures, or false for none. Default ARM's documented 250 reads, refilled at 25/s.
   */
  throttle?: ThrottleSetting;
  /**
   * DevCenter's per-minute limit on every DevCenter answer, per caller (the token's object id), or false for none.
   * Default 1000, as DevCenter lately answers.
   */
  devCenterReadsPerMinute?: number | false;
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** "127.0.0.1:PORT": the DevCenter endpoint host of every DevCenter scenario. */
  endpointHost: string;
  demo: CreatedScenario[];
  close(): Promise<void>;
}

/**
 * Starts the Azure simulator: both operation GETs and DevCenter's lists of a person's dev boxes as Azure answers them
 * (the one host is one dev center), plus the `/_sim` control API, which answers
 * only loopback, same-machine callers (control-guard.ts).
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
  // Checked before listening, so that a bad setting leaves no port open.
  const throttle = checkedThrottle(options.throttle);
  const readsPerMinute = checkedReadsPerMinute(options.devCenterReadsPerMinute);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const store = new ScenarioStore({ origin: url, now, throttle });
  const devCenter = createDevCenterState(url, readsPerMinute);
  const context: RequestContext = {
    store,
    devCenter,
    now,
    checkToken: createTokenChecker(options.auth, now),
    authorizationUri: options.auth?.issuer ?? DEFAULT_AUTHORIZATION_URI,
  };
  server.on("request", (req, res) => {
    handle(req, context)
      .catch((error: unknown) => {
        console.error("simulator: request failed", error);
        return jsonResponse(500, { error: { code: "InternalServerError", message: "The simulator failed to answer." } });
      })
      .then((response) => {
        writeResponse(res, response);
      })
      .catch((error: unknown) => {
        console.error("simulator: could not write the response", error);
        res.destroy();
      });
  });
  const demo = options.seedDemo ? seedDemo(store) : [];
  if (options.seedDemo) seedDemoDevCenter(store, devCenter.model, now());
  return {
    url,
    endpointHost: new URL(url).host,
    demo,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/** undefined leaves the store's default, ARM's documented bucket. */
function checkedThrottle(setting: ThrottleSetting | undefined): ThrottleSetting | undefined {
  if (setting === undefined) return undefined;
  const checked = checkThrottleSetting(setting);
  if (!checked.ok) throw new Error(`SimulatorOptions.throttle: ${checked.error}`);
  return checked.value;
}

/** DevCenter's limit as given in code: a whole number of reads a minute, or false for none. */
function checkedReadsPerMinute(setting: number | false | undefined): number | false {
  if (setting === undefined) return DEFAULT_DEVCENTER_READS_PER_MINUTE;
  const checked = checkReadsPerMinute(setting);
  if (!checked.ok) throw new Error(`SimulatorOptions.devCenterReadsPerMinute: ${checked.error}`);
  return checked.value;
}

type RequestContext = AzureHandlerContext;

async function handle(req: IncomingMessage, context: RequestContext): Promise<SimResponse> {
  let url: URL;
  try {
    // Concatenated, not resolved: a request target such as `//host/x` must stay a path.
    url = new URL(`http://simulator${req.url ?? "/"}`);
  } catch {
    return jsonResponse(400, { error: { code: "InvalidUri", message: "The request URI is not valid." } });
  }
  if (isControlPath(url.pathname)) {
    const refusal = refuseControlRequest(req);
    if (refusal) return refusal;
    const control = matchControlRoute(url.pathname);
    return control ? handleControlRequest(control, req, context) : pathNotFound(url.pathname);
  }
  const request = { method: req.method ?? "GET", url, headers: req.headers };
  const azure = matchAzureRoute(url.pathname);
  if (azure) return handleAzureRequest(azure, request, context);
  const list = matchDevCenterListRoute(url.pathname);
  if (list) return handleDevCenterList(list, request, context);
  return pathNotFound(url.pathname);
}
