"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth/auth-provider";
import { PublicConfigProvider, type PublicConfig } from "@/lib/config/public-config";
import { getQueryClient } from "@/lib/query/get-query-client";

export function Providers({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return (
    <PublicConfigProvider config={config}>
      <QueryClientProvider client={getQueryClient()}>
        <AuthProvider config={config}>{children}</AuthProvider>
      </QueryClientProvider>
    </PublicConfigProvider>
  );
}
