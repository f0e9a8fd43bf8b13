/**
 * The settings that point the app at the local stack (simulator + local sign-in server) instead of Azure and Entra ID.
 * Pure and import-free so that the Playwright config, the demo script and the bench can all share it.
 */

/** The public SPA client registered on the local sign-in server. */
export const LOCAL_CLIENT_ID = "0a1c0000-0000-4000-8000-00000000a11c";

export interface LocalAppEnvInput {
  /** Where the browser opens the app, e.g. http://localhost:3000. */
  appOrigin: string;
  /** The simulator's origin, e.g. http://127.0.0.1:4010. */
  simulatorOrigin: string;
  /** The local sign-in server's issuer, e.g. https://localhost:4443. */
  issuer: string;
  /** Permalink paths the dashboard starts with on a first visit. */
  demoOperations?: readonly string[];
}

export function localAppEnv(input: LocalAppEnvInput): Record<string, string> {
  const issuer = new URL(input.issuer);
  return {
    AZURE_CLIENT_ID: LOCAL_CLIENT_ID,
    AZURE_AUTHORITY: issuer.origin,
    AZURE_AUTH_PROTOCOL: "OIDC",
    AZURE_KNOWN_AUTHORITIES: issuer.host,
    AZURE_REDIRECT_URI: `${new URL(input.appOrigin).origin}/`,
    AZURE_ARM_ENDPOINT: new URL(input.simulatorOrigin).origin,
    DEVCENTER_ALLOWED_HOSTS: new URL(input.simulatorOrigin).origin,
    OPWATCH_DEMO_OPERATIONS: (input.demoOperations ?? []).join(","),
  };
}
