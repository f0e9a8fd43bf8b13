"use client";

import { QueryClientProvider } from "@tanstack/react-query";
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
  return (
    <QueryClientProvider client={getQueryClient()}>
      <FleetProvider>
        {view.name === "dashboard" ? <Dashboard /> : view.name === "board" ? <BoardView /> : <OperationPage operationRef={view.operationRef} />}
      </FleetProvider>
    </QueryClientProvider>
  );
}
