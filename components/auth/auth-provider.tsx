"use client";

import type { PublicClientApplication } from "@azure/msal-browser";
import { MsalProvider } from "@azure/msal-react";
import { useEffect, useState, type ReactNode } from "react";
import { startFirstReadAhead } from "@/components/polling/first-read-ahead";
import { describeAuthError, type AccessTokenError } from "@/lib/auth/auth-errors";
import { appRedirectUri } from "@/lib/auth/msal-config";
import { getMsalInstance } from "@/lib/auth/msal-instance";
import { browserSignOutStores, forgetSignInHere, noteSignIn, onSignOutElsewhere, signedOutSinceSignIn } from "@/lib/auth/sign-out-everywhere";
import { addressWithoutSignOutState } from "@/lib/auth/sign-out-return";
import type { PublicConfig } from "@/lib/config/public-config";
import { AuthStatusContext } from "./auth-status";
import { preloadSignedInApp } from "./signed-in-view";

type StartUp =
  | { state: "starting" }
  | { state: "ready"; instance: PublicClientApplication; redirectError: AccessTokenError | null }
  | { state: "failed"; error: AccessTokenError };

/**
 * Starts MSAL in the browser (initialize, then take in a sign-in response if the page is one) before anything that
 * needs an account renders, so a returning sign-in never shows the signed-out prompt first. A sign-out in any tab of
 * the browser signs this tab out too (lib/auth/sign-out-everywhere.ts), at once or, for a tab that was not running
 * then, at its next start.
 */
export function AuthProvider({ config, children }: { config: PublicConfig; children: ReactNode }) {
  const [startUp, setStartUp] = useState<StartUp>({ state: "starting" });

  useEffect(() => {
    let cancelled = false;
    const start = async (): Promise<StartUp> => {
      let instance: PublicClientApplication;
      try {
        instance = getMsalInstance(config);
        await instance.initialize();
        // Someone is signed in here: their views download while the start-up finishes.
        if (instance.getAllAccounts().length > 0) void preloadSignedInApp().catch(() => undefined);
      } catch (error) {
        return { state: "failed", error: describeAuthError(error, undefined, config) };
      }
      let redirectError: AccessTokenError | null = null;
      const stores = browserSignOutStores();
      try {
        const result = await instance.handleRedirectPromise();
        if (result?.account) {
          instance.setActiveAccount(result.account);
          if (stores) noteSignIn(stores);
        } else if (stores && instance.getAllAccounts().length > 0 && signedOutSinceSignIn(stores)) {
          await forgetSignInHere(instance);
        }
      } catch (error) {
        redirectError = describeAuthError(error, undefined, config);
      }
      const address = addressWithoutSignOutState(window.location.href, appRedirectUri(config, window.location.origin));
      if (address) window.history.replaceState(null, "", address);
      const [first] = instance.getAllAccounts();
      if (!instance.getActiveAccount() && first) instance.setActiveAccount(first);
      startFirstReadAhead(instance, config, window.location.pathname);
      return { state: "ready", instance, redirectError };
    };
    void start().then((next) => {
      if (!cancelled) setStartUp(next);
    });
    return () => {
      cancelled = true;
    };
  }, [config]);

  const ready = startUp.state === "ready" ? startUp.instance : undefined;
  useEffect(() => {
    if (!ready) return;
    return onSignOutElsewhere(window, () => {
      void forgetSignInHere(ready);
    });
  }, [ready]);

  if (startUp.state === "starting") {
    return (
      <p role="status" className="p-6 text-slate-600 dark:text-slate-300">
        Starting sign-in…
      </p>
    );
  }
  if (startUp.state === "failed") {
    return (
      <main className="mx-auto max-w-xl p-6">
        <h1 className="text-xl font-semibold">Sign-in cannot start</h1>
        <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
          {startUp.error.message}
        </p>
      </main>
    );
  }
  return (
    <MsalProvider instance={startUp.instance}>
      <AuthStatusContext.Provider value={{ redirectError: startUp.redirectError }}>{children}</AuthStatusContext.Provider>
    </MsalProvider>
  );
}
