"use client";

import type { ReactNode } from "react";
import { AuthProvider } from "@/components/auth/auth-provider";
import { PublicConfigProvider, type PublicConfig } from "@/lib/config/public-config";

export function Providers({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return (
    <PublicConfigProvider config={config}>
      <AuthProvider config={config}>{children}</AuthProvider>
    </PublicConfigProvider>
  );
}
