"use client";

import { useMsal } from "@azure/msal-react";
import { QueryClientProvider } from "@tanstack/react-query";
import { useEffect } from "react";
import { BoardView } from "@/components/board/board-view";
import { Dashboard } from "@/components/dashboard/dashboard";
import { OperationPage } from "@/components/operation/operation-page";
import { FleetProvider } from "@/components/polling/fleet-provider";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { getQueryClient } from "@/lib/query/get-query-client";

/** What a signed-in person sees; plain data, so a server page can name it. */
export type SignedInViewName = { name: "dashboard" } | { name: "board" } | { name: "operation"; operationRef: OperationRef };

/**
 * Everything that needs an account, in one chunk that the signed-out page never downloads (see signed-in-view.tsx).
 * React Query's provider and the fleet scheduler's live here too: only signed-in views read operations.
 */
export default function SignedInApp({ view }: { view: SignedInViewName }) {
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
      <FleetProvider>
        {view.name === "dashboard" ? <Dashboard /> : view.name === "board" ? <BoardView /> : <OperationPage operationRef={view.operationRef} />}
      </FleetProvider>
    </QueryClientProvider>
  );
}
