"use client";

import { useMsal } from "@azure/msal-react";
import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { BoardView } from "@/components/board/board-view";
import { Dashboard } from "@/components/dashboard/dashboard";
import { OperationPage } from "@/components/operation/operation-page";
import { FleetProvider } from "@/components/polling/fleet-provider";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { getQueryClient } from "@/lib/query/get-query-client";

/** What a signed-in person sees; plain data, so a server page can name it. */
export type SignedInViewName = { name: "dashboard" } | { name: "board" } | { name: "operation"; operationRef: OperationRef };

/*
 * Everything that needs an account, in one chunk that the signed-out page never downloads (see signed-in-view.tsx).
 */

/**
 * React Query's provider and the fleet scheduler's, for every signed-in page. They sit in the pages' shared layout,
 * so going from one page to another keeps the runner, its election and what it has read.
 */
function SignedInProviders({ children }: { children: ReactNode }) {
  const client = getQueryClient();
  const { instance } = useMsal();
  // Gone because the person signed out (here or in another tab), not because the page changed: what was read for
  // them leaves memory with them.
  useEffect(
    () => () => {
      if (instance.getAllAccounts().length === 0) client.clear();
    },
    [instance, client],
  );
  return (
    <QueryClientProvider client={client}>
      <FleetProvider>{children}</FleetProvider>
    </QueryClientProvider>
  );
}

/** One page's view, inside SignedInProviders. */
function SignedInContent({ view }: { view: SignedInViewName }) {
  if (view.name === "dashboard") return <Dashboard />;
  if (view.name === "board") return <BoardView />;
  return <OperationPage operationRef={view.operationRef} />;
}

/** What signed-in-view.tsx takes from this chunk once loaded. */
const signedInApp = { SignedInProviders, SignedInContent };
export default signedInApp;
