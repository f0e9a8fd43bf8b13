import { BrowserCacheLocation, LogLevel, ProtocolMode, type Configuration } from "@azure/msal-browser";
import type { PublicConfig } from "@/lib/config/public-config";

/**
 * How long before its expiry MSAL renews an access token instead of returning it from its cache (MSAL's default,
 * stated here so that the token memory in acquire-token.ts stops reusing a token exactly when MSAL would renew it).
 */
export const TOKEN_RENEWAL_OFFSET_SECONDS = 300;

/** Where sign-in responses and sign-out return to: the configured URI, else the app's own root. */
export function appRedirectUri(config: Pick<PublicConfig, "redirectUri">, origin: string): string {
  return config.redirectUri ?? `${origin}/`;
}

export function buildMsalConfiguration(config: PublicConfig, origin: string): Configuration {
  const redirectUri = appRedirectUri(config, origin);
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      // The authority's endpoints, when the server was given them: the first Sign in then goes straight to the sign-in
      // page, with no discovery fetch that an untrusted certificate (the local sign-in server's) would make fail.
      ...(config.authorityMetadata ? { authorityMetadata: JSON.stringify(config.authorityMetadata) } : {}),
      redirectUri,
      postLogoutRedirectUri: redirectUri,
    },
    // Tokens live only in this tab's session storage: closing the tab forgets them.
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      tokenRenewalOffsetSeconds: TOKEN_RENEWAL_OFFSET_SECONDS,
      // OIDC: endpoints from the authority's discovery document, no Entra-only parameters (the local sign-in server).
      protocolMode: config.protocol === "OIDC" ? ProtocolMode.OIDC : ProtocolMode.AAD,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Error,
        // MSAL's own log lines may carry URLs with authorization responses: they are not written anywhere.
        loggerCallback: () => undefined,
      },
    },
  };
}
