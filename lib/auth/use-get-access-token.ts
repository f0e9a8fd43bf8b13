"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import type { OperationKind } from "@/lib/azure/operation-ref";
import { usePublicConfig } from "@/lib/config/public-config";
import { acquireAccessToken, type AcquireEnvironment } from "./acquire-token";

export type GetAccessToken = (kind: OperationKind, options?: { forceRefresh?: boolean }) => Promise<string>;

/** Where a token request in this browser tab remembers and returns (acquire-token.ts). */
export function browserAcquireEnvironment(config: AcquireEnvironment["config"]): AcquireEnvironment {
  return {
    currentUrl: () => window.location.href,
    storage: typeof sessionStorage === "undefined" ? undefined : sessionStorage,
    now: () => Date.now(),
    config,
  };
}

/**
 * The access token for a kind's API, for the proxy call. Rejects with an AccessTokenError (lib/auth/auth-errors.ts)
 * whose message is safe to show; code "redirecting" means the page is on its way to the sign-in page.
 */
export function useGetAccessToken(): GetAccessToken {
  const { instance } = useMsal();
  const config = usePublicConfig();
  return useCallback(
    (kind, options) => acquireAccessToken(instance, kind, options ?? {}, browserAcquireEnvironment(config)),
    [instance, config],
  );
}
