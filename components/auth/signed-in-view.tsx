"use client";

import dynamic from "next/dynamic";
import type { SignedInViewName } from "./signed-in-app";
import { SignInGate } from "./sign-in-gate";

/**
 * The dashboard and the operation page, loaded only once someone is signed in: a signed-out visit downloads the
 * sign-in prompt and MSAL, not the views, React Query and their rules. Not rendered on the server: without an account
 * there is nothing to show, and MSAL only knows the account in the browser.
 */
const SignedInApp = dynamic(() => import("./signed-in-app"), {
  ssr: false,
  loading: () => (
    <p role="status" className="p-6 text-slate-600 dark:text-slate-300">
      Loading…
    </p>
  ),
});

export function SignedInView({ view }: { view: SignedInViewName }) {
  return (
    <SignInGate>
      <SignedInApp view={view} />
    </SignInGate>
  );
}
