"use client";

import { useMsal } from "@azure/msal-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describeAuthError } from "@/lib/auth/auth-errors";
import { announceSignOut, browserSignOutStores } from "@/lib/auth/sign-out-everywhere";
import { useSignedInAccount } from "@/lib/auth/use-account-id";
import { usePublicConfig } from "@/lib/config/public-config";

/** Deleting the poll log must not hold up signing out: a tab that keeps it open would block the deletion. */
const FORGET_WAIT_MS = 1000;

/**
 * Loaded when someone signs out, not with every page: the poll log's storage (IndexedDB and its record schemas) is
 * otherwise needed only by the signed-in views, and the header is on pages that load before them.
 */
const forgetPollLog = (accountId: string): Promise<void> =>
  import("@/lib/poll-log/browser-poll-log").then(
    (module) => module.forgetPollLog(accountId),
    () => undefined,
  );

/**
 * The signed-in person's name and account, and Sign out, which ends the session at the sign-in service too and signs
 * out every other tab of the browser at once.
 */
export function UserMenu() {
  const { instance } = useMsal();
  const config = usePublicConfig();
  const [error, setError] = useState<string | null>(null);
  const account = useSignedInAccount();
  if (!account) return null;

  const signOut = () => {
    setError(null);
    const stores = browserSignOutStores();
    if (stores) announceSignOut(stores);
    // A plain OpenID provider needs to know the client to honour the return address; Entra ID does not.
    const extraQueryParameters = config.protocol === "OIDC" ? { client_id: config.clientId } : undefined;
    // This account's reads leave this machine with it (another person may use the browser next).
    const forgotten = Promise.race([forgetPollLog(account.homeAccountId), new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))]);
    void forgotten
      .then(() => instance.logoutRedirect({ account, ...(extraQueryParameters ? { extraQueryParameters } : {}) }))
      .catch((reason: unknown) => {
        setError(describeAuthError(reason, undefined, config).message);
      });
  };

  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="flex flex-col text-right leading-tight">
        <span className="font-medium" data-testid="user-name">
          {account.name ?? account.username}
        </span>
        {account.name && <span className="text-slate-600 dark:text-slate-400">{account.username}</span>}
      </span>
      <Button variant="outline" size="md" onClick={signOut}>
        Sign out
      </Button>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </div>
  );
}
