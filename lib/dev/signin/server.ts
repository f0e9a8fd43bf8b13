import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JSONWebKeySet } from "jose";
import Provider from "oidc-provider";
import { localhostCertificate } from "./certificate";
import { handleInteraction } from "./interactions";
import { LOCAL_SIGNIN_ROUTES } from "@/lib/dev/local-app-env";
import { messagePage, rootPage, sendPage } from "./pages";
import { providerConfiguration } from "./provider-config";
import { widenToAllResources } from "./resources";
import { DEMO_USERS } from "./users";

/**
 * A real OpenID Connect provider (oidc-provider) on https://localhost, standing in for Microsoft Entra ID in the demo
 * and the tests, so the app's real MSAL code signs in against it. See the README for what it mimics.
 */
export interface SigninServerOptions {
  /** Default 4443; 0 = any free port. */
  port?: number;
  /** Origins of the app (e.g. http://localhost:3000): its redirect URIs and the origins allowed by CORS. */
  appOrigins: string[];
  /** Lifetime of access tokens; default 3600. */
  accessTokenTtlSeconds?: number;
}

export interface RunningSigninServer {
  /** https://localhost:PORT */
  issuer: string;
  /** The public keys access tokens are signed with. */
  jwks: JSONWebKeySet;
  /** The server's self-signed certificate (PEM), for clients that want to trust it rather than skip verification. */
  certPem: string;
  users: { username: string; password: string; name: string }[];
  close(): Promise<void>;
}

/** Where sign-ins are kept (memory-store.ts), said by the scripts that start the server. */
export const IN_MEMORY_SESSIONS_NOTE = "sign-in sessions live in the local sign-in server's memory, as suits a demo: a restart signs you out";

const DEFAULT_PORT = 4443;
const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

async function signingKeys() {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const header = { kid: randomUUID(), alg: "RS256", use: "sig" };
  return { privateJwk: { ...(await exportJWK(privateKey)), ...header }, publicJwk: { ...(await exportJWK(publicKey)), ...header } };
}

/**
 * Two Entra ID behaviours MSAL relies on that oidc-provider does not have, added by rewriting the authorization request:
 * - oidc-provider ignores `offline_access` (no refresh token) unless consent is prompted; consent is then given
 *   automatically by the interaction pages, so asking for it costs the person nothing;
 * - a refresh token must serve every API (see `widenToAllResources`).
 */
export function rewriteAuthorizationQuery(search: string): string {
  const params = new URLSearchParams(search);
  const scope = params.get("scope");
  if (scope !== null) {
    params.set("scope", widenToAllResources(scope));
    const prompts = (params.get("prompt") ?? "").split(" ").filter((p) => p.length > 0);
    if (scope.split(" ").includes("offline_access") && !prompts.includes("none") && !prompts.includes("consent")) {
      params.set("prompt", [...prompts, "consent"].join(" "));
    }
  }
  return params.toString();
}

function validateOrigins(appOrigins: readonly string[]): string[] {
  if (appOrigins.length === 0) throw new Error("startSigninServer: appOrigins must name at least one app origin");
  return appOrigins.map((origin) => {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`startSigninServer: ${origin} is not an http(s) origin`);
    return url.origin;
  });
}

export async function startSigninServer(options: SigninServerOptions): Promise<RunningSigninServer> {
  const appOrigins = validateOrigins(options.appOrigins);
  const ttl = options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl < 1) throw new Error("startSigninServer: accessTokenTtlSeconds must be a positive integer");
  const [certificate, keys] = await Promise.all([localhostCertificate(), signingKeys()]);

  // The issuer names the port, so the provider is made, and requests handled, once the server listens (port 0 picks one).
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `https://localhost:${port}`;

  const provider = new Provider(issuer, providerConfiguration({ appOrigins, accessTokenTtlSeconds: ttl, signingKey: keys.privateJwk }));
  // Errors are answered to the client; the server's console stays free of stack traces for expected failures.
  provider.on("server_error", (_ctx, error) => { console.error(`sign-in server error: ${error.message}`); });
  const callback = provider.callback();
  const appOrigin = appOrigins[0] ?? issuer;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname.startsWith("/interaction/")) {
      handleInteraction(provider, req, res, url.pathname, appOrigin).catch((error: unknown) => {
        console.error(`sign-in server interaction error: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) {
          res.writeHead(500, { "Content-Type": "text/html; charset=utf-8" });
          res.end(messagePage("Sign-in error", "The local sign-in server failed; try signing in again."));
        }
      });
      return;
    }
    if ((req.method === "GET" || req.method === "HEAD") && url.pathname === "/") {
      sendPage(res, 200, rootPage({ appOrigin, issuer }));
      return;
    }
    if (req.method === "GET" && url.pathname === LOCAL_SIGNIN_ROUTES.authorization) {
      req.url = `${LOCAL_SIGNIN_ROUTES.authorization}?${rewriteAuthorizationQuery(url.search)}`;
    }
    void callback(req, res);
  };
  server.on("request", handler);

  return {
    issuer,
    jwks: { keys: [keys.publicJwk] },
    certPem: certificate.cert,
    users: DEMO_USERS.map(({ username, password, name }) => ({ username, password, name })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => { resolve(); });
        server.closeAllConnections();
      }),
  };
}
