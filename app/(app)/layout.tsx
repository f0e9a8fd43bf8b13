import type { ReactNode } from "react";
import { ConfigErrorPage } from "@/components/auth/config-error-page";
import { SignedInShell } from "@/components/auth/signed-in-view";
import { serverConfig } from "@/lib/config/server-config";
import { Providers } from "../providers";

// The configuration is read when a request comes, not baked in at build time: one build serves the demo and Entra ID.
export const dynamic = "force-dynamic";

/**
 * Pages put what needs a signed-in person in <SignedInView>; the providers those views share live here, in
 * <SignedInShell>, so they outlive a move from one page to another (components/auth/signed-in-view.tsx).
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  const config = serverConfig.public;
  if (!config.ok) return <ConfigErrorPage problems={config.error} />;
  return (
    <Providers config={config.value}>
      <SignedInShell>{children}</SignedInShell>
    </Providers>
  );
}
