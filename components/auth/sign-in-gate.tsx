"use client";

import { InteractionStatus } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { describeAuthError } from "@/lib/auth/auth-errors";
import { TOKEN_SCOPES } from "@/lib/auth/scopes";
import { accountToSignInWith } from "@/lib/auth/sign-in-wording";
import { usePublicConfig } from "@/lib/config/public-config";
import { useAuthStatus } from "./auth-status";
import { LocalCertificateNote } from "./local-certificate-note";

/**
 * Renders its children only for a signed-in person. Signed out, it shows a sign-in prompt and nothing else, so no
 * operation is fetched. Signing in comes back to the page it started from (a permalink stays a permalink).
 */
export function SignInGate({ children }: { children: ReactNode }) {
  const { instance, inProgress, accounts } = useMsal();
  const config = usePublicConfig();
  const { redirectError } = useAuthStatus();
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  if (accounts.length > 0) return <>{children}</>;
  if (inProgress !== InteractionStatus.None || starting) {
    return (
      <p role="status" className="p-6 text-slate-600 dark:text-slate-300">
        Signing in…
      </p>
    );
  }

  const signIn = () => {
    setStarting(true);
    setError(null);
    instance.loginRedirect({ scopes: [TOKEN_SCOPES.devops], redirectStartPage: window.location.href }).catch((reason: unknown) => {
      setStarting(false);
      setError(describeAuthError(reason, "devops", config).message);
    });
  };

  const message = error ?? redirectError?.message ?? null;
  return (
    <main className="mx-auto max-w-xl p-6">
      <section aria-labelledby="sign-in-heading" className="rounded-lg border border-slate-300 p-6 dark:border-slate-700">
        <h1 id="sign-in-heading" className="text-2xl font-semibold">
          Sign in to opwatch
        </h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          opwatch reads Azure operations with your own account. Sign in with your {accountToSignInWith(config)} to continue.
        </p>
        {message && (
          <p role="alert" className="mt-3 text-red-700 dark:text-red-400">
            {message}
          </p>
        )}
        {config.signInServerOnThisMachine && <LocalCertificateNote authority={config.authority} />}
        <Button variant="primary" size="lg" onClick={signIn} className="mt-4">
          Sign in
        </Button>
      </section>
    </main>
  );
}
