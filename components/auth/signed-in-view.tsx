"use client";

import { useEffect, useState } from "react";
import type { SignedInViewName } from "./signed-in-app";
import { SignInGate } from "./sign-in-gate";

/**
 * The dashboard and the operation page, loaded only once someone is signed in: a signed-out visit downloads the
 * sign-in prompt and MSAL, not the views, React Query and their rules. Not rendered on the server: without an account
 * there is nothing to show, and MSAL only knows the account in the browser.
 *
 * Not `next/dynamic`: its Suspense fallback, once shown, holds the loaded views back for React's reveal throttle, and a
 * signed-in page always needs them. The sign-in start-up fetches them as soon as it knows an account is there
 * (`preloadSignedInApp`), so they are usually in before the gate opens and render in the same pass.
 */
type SignedInAppComponent = (typeof import("./signed-in-app"))["default"];

let loaded: SignedInAppComponent | undefined;
let loading: Promise<SignedInAppComponent> | undefined;

export function preloadSignedInApp(): Promise<SignedInAppComponent> {
  loading ??= import("./signed-in-app").then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      loading = undefined; // a failed chunk load is tried again by the next view that needs it
      throw error;
    },
  );
  return loading;
}

function useSignedInApp(): SignedInAppComponent | undefined {
  const [app, setApp] = useState(() => loaded);
  useEffect(() => {
    if (app) return;
    let live = true;
    preloadSignedInApp().then(
      (component) => {
        if (live) setApp(() => component);
      },
      (error: unknown) => {
        // To the nearest error boundary (app/(app)/.../error.tsx), as a failed lazy chunk would go.
        if (live)
          setApp(() => {
            throw error;
          });
      },
    );
    return () => {
      live = false;
    };
  }, [app]);
  return app;
}

function SignedInApp({ view }: { view: SignedInViewName }) {
  const App = useSignedInApp();
  if (!App) {
    return (
      <p role="status" className="p-6 text-slate-600 dark:text-slate-300">
        Loading…
      </p>
    );
  }
  // The module's one default export, the same on every render: not a component made during render.
  // eslint-disable-next-line react-hooks/static-components
  return <App view={view} />;
}

export function SignedInView({ view }: { view: SignedInViewName }) {
  return (
    <SignInGate>
      <SignedInApp view={view} />
    </SignInGate>
  );
}
