import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { JSONWebKeySet } from "jose";
import { DEFAULT_AUTHORIZATION_URI, pathNotFound } from "./azure-errors";
import { handleAzureRequest } from "./azure-handler";
import { handleControlRequest } from "./control-api";
import { seedDemo } from "./demo-scenarios";
import { matchAzureRoute, matchControlRoute } from "./routes";
import { ScenarioStore, type CreatedScenario } from "./scenario-store";
import { jsonResponse, writeResponse, type SimResponse } from "./sim-response";
import { createTokenChecker, type TokenChecker } from "./token-check";

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
}

export interface RunningSimulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** "127.0.0.1:PORT": the DevCenter endpoint host of every DevCenter scenario. */
  endpointHost: string;
  demo: CreatedScenario[];
  close(): Promise<void>;
}

/** Starts the Azure simulator: both operation GETs as Azure answers them, plus the `/_sim` control API. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
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
  const store = new ScenarioStore({ origin: url, now });
  const context: RequestContext = {
    store,
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

interface RequestContext {
  store: ScenarioStore;
  now: () => number;
  checkToken: TokenChecker;
  authorizationUri: string;
}

async function handle(req: IncomingMessage, context: RequestContext): Promise<SimResponse> {
  let url: URL;
  try {
    // Concatenated, not resolved: a request target such as `//host/x` must stay a path.
    url = new URL(`http://simulator${req.url ?? "/"}`);
  } catch {
    return jsonResponse(400, { error: { code: "InvalidUri", message: "The request URI is not valid." } });
  }
  const control = matchControlRoute(url.pathname);
  if (control) return handleControlRequest(control, req, context.store);
  const azure = matchAzureRoute(url.pathname);
  if (azure) return handleAzureRequest(azure, { method: req.method ?? "GET", url, headers: req.headers }, context);
  return pathNotFound(url.pathname);
}
