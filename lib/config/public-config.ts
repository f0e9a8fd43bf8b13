"use client";

import { createContext, createElement, useContext, type ReactNode } from "react";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { BucketSpec } from "@/lib/azure/token-bucket";

export type AuthProtocol = "AAD" | "OIDC";

/** What the browser needs at run time (no secrets), validated on the server by lib/config/read-config.ts. */
export interface PublicConfig {
  /** The app registration's (or local client's) id. */
  clientId: string;
  /** e.g. https://login.microsoftonline.com/organizations, or https://localhost:4443 for the local server. */
  authority: string;
  /** "AAD" for Microsoft Entra ID, "OIDC" for a plain OpenID Connect provider such as the local sign-in server. */
  protocol: AuthProtocol;
  /** Hosts MSAL may trust without Entra's instance discovery (required for OIDC authorities). */
  knownAuthorities: string[];
  /** Absolute redirect URI, or null for the app's own origin + "/" (worked out in the browser). */
  redirectUri: string | null;
  /** Permalink paths (`/op/...`) the dashboard starts with on a first visit. */
  demoOperations: string[];
  /** Raw DEVCENTER_ALLOWED_HOSTS, so the UI can warn about a pasted DevCenter host the proxy will refuse. */
  devcenterAllowedHosts: string;
  /** Reads per second and burst this browser may spend per ARM subscription and per DevCenter endpoint (lib/polling/fleet). */
  readBudgets: Record<OperationKind, BucketSpec>;
}

const PublicConfigContext = createContext<PublicConfig | null>(null);

export function PublicConfigProvider({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return createElement(PublicConfigContext.Provider, { value: config }, children);
}

export function usePublicConfig(): PublicConfig {
  const config = useContext(PublicConfigContext);
  if (!config) throw new Error("usePublicConfig must be used inside <Providers> (app/(app)/layout.tsx)");
  return config;
}
