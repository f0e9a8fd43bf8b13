import { randomBytes } from "node:crypto";
import type { Configuration, JWK, KoaContextWithOIDC } from "oidc-provider";
import { errors } from "oidc-provider";
import { LOCAL_CLIENT_ID, LOCAL_SIGNIN_ROUTES } from "@/lib/dev/local-app-env";
import { memoryStore } from "./memory-store";
import { logoutPage, messagePage } from "./pages";
import { findResource, resourcesForScope } from "./resources";
import { findUserByOid, userClaims } from "./users";

/** The app's pages that receive sign-in responses: its root (the default redirect URI) and the MSAL redirect bridge. */
const REDIRECT_PATHS = ["/", "/redirect-bridge"] as const;

type DefaultResource = NonNullable<NonNullable<NonNullable<Configuration["features"]>["resourceIndicators"]>["defaultResource"]>;

export interface ProviderConfigInput {
  appOrigins: readonly string[];
  accessTokenTtlSeconds: number;
  signingKey: JWK;
}

/** Refresh tokens last a day, like Entra ID's for single-page apps. */
const REFRESH_TOKEN_TTL_SECONDS = 24 * 60 * 60;

/** The scope to pick a resource by at the token endpoint: refresh requests carry it as a parameter, code redemptions only in the body. */
function requestedScope(ctx: KoaContextWithOIDC): string | undefined {
  const fromParams = ctx.oidc.params?.scope;
  if (typeof fromParams === "string") return fromParams;
  const body = ctx.oidc.body;
  return typeof body?.scope === "string" ? body.scope : undefined;
}

export function providerConfiguration(input: ProviderConfigInput): Configuration {
  const origins = new Set(input.appOrigins.map((o) => new URL(o).origin));
  return {
    clients: [
      {
        client_id: LOCAL_CLIENT_ID,
        client_name: "opwatch",
        application_type: "web",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: [...origins].flatMap((origin) => REDIRECT_PATHS.map((path) => `${origin}${path}`)),
        post_logout_redirect_uris: [...origins].map((origin) => `${origin}/`),
      },
    ],
    adapter: memoryStore(),
    // Stated, not left to oidc-provider's defaults: the app is handed these endpoints without asking (local-app-env.ts).
    routes: { ...LOCAL_SIGNIN_ROUTES },
    jwks: { keys: [input.signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    scopes: ["openid", "profile", "offline_access"],
    responseTypes: ["code"],
    claims: { openid: ["sub", "oid", "tid"], profile: ["name", "preferred_username", "upn"] },
    // Entra ID puts the person's claims in the id token; MSAL reads the account from there (no userinfo call).
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const user = findUserByOid(sub);
      return user ? { accountId: sub, claims: () => ({ ...userClaims(user) }) } : undefined;
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "html";
          ctx.body = messagePage("Signed out", "You are signed out of the opwatch local sign-in server.");
        },
      },
      resourceIndicators: {
        enabled: true,
        // At the authorization endpoint every API named by a requested scope; at the token endpoint the one API the
        // request's scope names (MSAL asks for one resource per request).
        // `undefined` means "no resource", as in oidc-provider's own default; its type definitions leave that out.
        defaultResource: ((ctx, _client, oneOf) => {
          const named = resourcesForScope(requestedScope(ctx));
          if (!oneOf) return named.length > 0 ? named : undefined;
          const picked = named.filter((r) => oneOf.includes(r));
          return picked.length === 1 ? picked[0] : oneOf;
        }) as DefaultResource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          const resource = findResource(indicator);
          if (!resource) throw new errors.InvalidTarget(`unknown resource ${indicator}`);
          return {
            scope: resource.scope,
            audience: resource.identifier,
            accessTokenFormat: "jwt",
            accessTokenTTL: input.accessTokenTtlSeconds,
            jwt: { sign: { alg: "RS256" } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const user = "accountId" in token && typeof token.accountId === "string" ? findUserByOid(token.accountId) : undefined;
      if (!user) return undefined;
      const { oid, tid, upn, name } = userClaims(user);
      // Entra's access tokens name the granted permission in `scp`, without the resource prefix.
      const scp = (token.scope ?? "").split(" ").map((s) => s.slice(s.lastIndexOf("/") + 1)).join(" ");
      return { oid, tid, upn, name, scp };
    },
    // Sign-out ends the session, and with it every refresh token issued in it.
    expiresWithSession: () => true,
    // Both APIs' tokens are renewed at once with the same refresh token; rotation would make the second use count as
    // a replay and revoke the sign-in. Entra ID does not invalidate a refresh token when it is used either.
    rotateRefreshToken: false,
    clientBasedCORS: (_ctx, origin) => origins.has(origin),
    ttl: {
      AccessToken: input.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: REFRESH_TOKEN_TTL_SECONDS,
      Grant: REFRESH_TOKEN_TTL_SECONDS,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = "html";
      const description = typeof out.error_description === "string" ? out.error_description : "";
      ctx.body = messagePage("Sign-in error", `${out.error}${description ? `: ${description}` : ""}`);
    },
  };
}
