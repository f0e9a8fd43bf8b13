import { TOKEN_SCOPES } from "@/lib/auth/scopes";
import { OPERATION_KINDS } from "@/lib/azure/operation-ref";
import { AUDIENCES } from "@/lib/dev/simulator/token-check";

/**
 * The APIs the local sign-in server issues access tokens for. MSAL never sends a `resource` parameter: it asks for a
 * scope such as `https://management.azure.com/user_impersonation`, as Entra ID expects. Each scope is therefore the
 * full string MSAL sends, and the resource (the token's `aud`) is found from the requested scope.
 */
export interface LocalResource {
  /** Resource indicator and the access token's audience. */
  identifier: string;
  scope: string;
}

export const LOCAL_RESOURCES: readonly LocalResource[] = OPERATION_KINDS.map((kind) => ({
  identifier: AUDIENCES[kind],
  scope: TOKEN_SCOPES[kind],
}));

const words = (scope: string | undefined): string[] => (scope ?? "").split(" ").filter((w) => w.length > 0);

/** The resources whose scope appears in a space-separated scope string, in LOCAL_RESOURCES order. */
export function resourcesForScope(scope: string | undefined): string[] {
  const requested = new Set(words(scope));
  return LOCAL_RESOURCES.filter((r) => requested.has(r.scope)).map((r) => r.identifier);
}

export function findResource(identifier: string): LocalResource | undefined {
  return LOCAL_RESOURCES.find((r) => r.identifier === identifier);
}

/**
 * Entra ID's refresh tokens work for every API the person consented to, so a token for DevCenter can be had silently
 * after signing in for ARM. oidc-provider only lets a refresh token mint what the authorization request asked for,
 * so a request for any of these APIs is widened to all of them.
 */
export function widenToAllResources(scope: string): string {
  const requested = words(scope);
  if (!requested.some((w) => LOCAL_RESOURCES.some((r) => r.scope === w))) return requested.join(" ");
  const all = new Set([...requested, ...LOCAL_RESOURCES.map((r) => r.scope)]);
  return [...all].join(" ");
}
