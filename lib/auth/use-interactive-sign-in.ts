"use client";

import { useMsal } from "@azure/msal-react";
import { useCallback } from "react";
import type { OperationKind } from "@/lib/azure/operation-ref";
import { usePublicConfig } from "@/lib/config/public-config";
import { describeAuthError } from "./auth-errors";
import { scopeForKind } from "./scopes";

/**
 * Signs in again for one API through the sign-in page and comes back to this page: the way on when the proxy keeps
 * refusing a token that a silent renewal did not fix. Rejects with an AccessTokenError if the redirect cannot start.
 */
export function useInteractiveSignIn(): (kind: OperationKind) => Promise<void> {
  const { instance } = useMsal();
  const config = usePublicConfig();
  return useCallback(
    async (kind) => {
      const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
      try {
        await instance.acquireTokenRedirect({
          scopes: [scopeForKind(kind)],
          redirectStartPage: window.location.href,
          ...(account ? { account } : {}),
        });
      } catch (error) {
        throw describeAuthError(error, kind, config);
      }
    },
    [instance, config],
  );
}
