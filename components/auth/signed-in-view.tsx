"use client";

import { useMsal } from "@azure/msal-react";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { OpeningOperation } from "./opening-operation";
import type { SignedInViewName } from "./signed-in-app";
import { SignInGate } from "./sign-in-gate";

/*
 * The dashboard and the operation page, loaded only once someone is signed in: a signed-out visit downloads the
 * sign-in prompt and MSAL, not the views, React Query and their rules. Not rendered on the server: without an account
 * there is nothing to show, and MSAL only knows the account in the browser.
 *
 * Not `next/dynamic`: its Suspense fallback, once shown, holds the loaded views back for React's reveal throttle, and a
 * signed-in page always needs them. The sign-in start-up fetches them as soon as it knows an account is there
 * (`preloadSignedInApp`), so they are usually in before the gate opens and render in the same pass.
 */
type SignedInApp = (typeof import("./signed-in-app"))["default"];

let loading: Promise<SignedInApp> | undefined;
let loaded: SignedInApp | undefined;

export function preloadSignedInApp(): Promise<SignedInApp> {
  loading ??= import("./signed-in-app").then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      loading = undefined; // a failed chunk load is tried again by the next page that needs it
      throw error;
    },
  );
  return loading;
}

type Loaded = { app: SignedInApp } | { error: unknown } | undefined;

const SignedInAppContext = createContext<Loaded>(undefined);

function useLoadedApp(wanted: boolean): Loaded {
  const [state, setState] = useState<Loaded>(() => (loaded ? { app: loaded } : undefined));
  const have = state !== undefined && "app" in state;
  useEffect(() => {
    if (!wanted || have) return;
    let live = true;
    preloadSignedInApp().then(
      (app) => {
        if (live) setState({ app });
      },
      (error: unknown) => {
        if (live) setState({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, have]);
  return state;
}

/**
 * In the signed-in pages' shared layout: once someone is signed in, their providers (React Query, the fleet runner)
 * wrap every page, so moving between pages restarts nothing, and an operation opened from a list shows at once.
 */
export function SignedInShell({ children }: { children: ReactNode }) {
  const signedIn = useMsal().accounts.length > 0;
  const loadedApp = useLoadedApp(signedIn);
  const app = signedIn && loadedApp && "app" in loadedApp ? loadedApp.app : undefined;
  return (
    <SignedInAppContext.Provider value={signedIn ? loadedApp : undefined}>
      {app ? (
        <app.SignedInProviders>
          <OpeningOperation render={(operationRef) => <SignedInView view={{ name: "operation", operationRef }} />}>{children}</OpeningOperation>
        </app.SignedInProviders>
      ) : (
        children
      )}
    </SignedInAppContext.Provider>
  );
}

function SignedInContent({ view }: { view: SignedInViewName }) {
  const loadedApp = useContext(SignedInAppContext);
  if (loadedApp && "error" in loadedApp) {
    // To the page's error boundary (app/(app)/.../error.tsx), as a failed lazy chunk would go.
    throw loadedApp.error;
  }
  if (!loadedApp) {
    return (
      <p role="status" className="p-6 text-slate-600 dark:text-slate-300">
        Loading…
      </p>
    );
  }
  return <loadedApp.app.SignedInContent view={view} />;
}

/** A page's signed-in view: the sign-in prompt for a signed-out person, the view once the shell has its providers. */
export function SignedInView({ view }: { view: SignedInViewName }) {
  return (
    <SignInGate>
      <SignedInContent view={view} />
    </SignInGate>
  );
}
