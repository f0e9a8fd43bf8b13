/**
 * The settings that point the app at the local stack (simulator + local sign-in server) instead of Azure and Entra ID.
 * Pure and import-free so that the Playwright config, the demo script and the bench can all share it.
 */

/** The public SPA client registered on the local sign-in server. */
export const LOCAL_CLIENT_ID = "0a1c0000-0000-4000-8000-00000000a11c";

/**
 * Where the local sign-in server answers (oidc-provider's `routes`, set from here): its endpoints follow from its
 * issuer alone, so the app can be handed them and MSAL fetches no discovery document before the person acts.
 */
export const LOCAL_SIGNIN_ROUTES = {
  authorization: "/auth",
  token: "/token",
  end_session: "/session/end",
  jwks: "/jwks",
} as const;

/** The local sign-in server's OpenID configuration, as much of it as MSAL reads (AZURE_AUTHORITY_METADATA). */
export function localSigninMetadata(issuer: string) {
  const origin = new URL(issuer).origin;
  return {
    issuer: origin,
    authorization_endpoint: `${origin}${LOCAL_SIGNIN_ROUTES.authorization}`,
    token_endpoint: `${origin}${LOCAL_SIGNIN_ROUTES.token}`,
    end_session_endpoint: `${origin}${LOCAL_SIGNIN_ROUTES.end_session}`,
    jwks_uri: `${origin}${LOCAL_SIGNIN_ROUTES.jwks}`,
  };
}

/**
 * The simulator's origin under both names of this machine: the demo's start-up lines and the README say localhost, as
 * for the app and the sign-in server, while the simulator listens on, and its own URLs say, 127.0.0.1. A DevCenter URL
 * a person pastes may carry either; both are loopback, so the proxy still calls nothing but this machine. The first
 * is the one to show. Any other origin is itself alone.
 */
export function simulatorOrigins(simulatorOrigin: string): string[] {
  const url = new URL(simulatorOrigin);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") return [url.origin];
  const port = url.port === "" ? "" : `:${url.port}`;
  return ["localhost", "127.0.0.1"].map((host) => `${url.protocol}//${host}${port}`);
}

export interface LocalAppEnvInput {
  /** Where the browser opens the app, e.g. http://localhost:3000. */
  appOrigin: string;
  /** The simulator's origin, where the app calls it, e.g. http://127.0.0.1:4010. */
  simulatorOrigin: string;
  /** The local sign-in server's issuer, e.g. https://localhost:4443. */
  issuer: string;
  /** The operations the dashboard starts with on a first visit, each with the label it is watched under. */
  demoOperations?: readonly { permalink: string; label: string }[];
}

export function localAppEnv(input: LocalAppEnvInput): Record<string, string> {
  const issuer = new URL(input.issuer);
  return {
    AZURE_CLIENT_ID: LOCAL_CLIENT_ID,
    AZURE_AUTHORITY: issuer.origin,
    AZURE_AUTH_PROTOCOL: "OIDC",
    AZURE_KNOWN_AUTHORITIES: issuer.host,
    AZURE_AUTHORITY_METADATA: JSON.stringify(localSigninMetadata(issuer.origin)),
    AZURE_REDIRECT_URI: `${new URL(input.appOrigin).origin}/`,
    AZURE_ARM_ENDPOINT: new URL(input.simulatorOrigin).origin,
    DEVCENTER_ALLOWED_HOSTS: simulatorOrigins(input.simulatorOrigin).join(","),
    // The simulator is one dev center: offered to everyone at first sign-in.
    OPWATCH_DISCOVERY_ENDPOINTS: new URL(input.simulatorOrigin).host,
    // JSON, the form whose labels may hold commas.
    OPWATCH_DEMO_OPERATIONS: input.demoOperations?.length ? JSON.stringify(input.demoOperations) : "",
  };
}

/** The local stack's settings that describe its sign-in server, and are wrong for any other authority. */
const LOCAL_AUTHORITY_SETTINGS = ["AZURE_KNOWN_AUTHORITIES", "AZURE_AUTHORITY_METADATA"] as const;

/**
 * The local stack's settings under the person's own, which win (`AZURE_AUTHORITY=... npm run demo`). When they name an
 * authority or protocol of their own, the settings that describe the local sign-in server are left out unless they
 * give those too: the local server's endpoints would be refused with another authority.
 */
export function withGivenSettings(local: Record<string, string>, given: Record<string, string>): Record<string, string> {
  const ownAuthority = given.AZURE_AUTHORITY !== undefined || given.AZURE_AUTH_PROTOCOL !== undefined;
  const kept = Object.entries(local).filter(([name]) => !ownAuthority || !(LOCAL_AUTHORITY_SETTINGS as readonly string[]).includes(name));
  return { ...Object.fromEntries(kept), ...given };
}
