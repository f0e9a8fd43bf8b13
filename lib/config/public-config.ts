"use client";

import { createContext, createElement, useContext, type ReactNode } from "react";
import type { OperationKind } from "@/lib/azure/operation-ref";
import type { BucketSpec } from "@/lib/azure/token-bucket";
import type { HeadroomSettings } from "./headroom-settings";

export type AuthProtocol = "AAD" | "OIDC";

/**
 * The parts of an OpenID provider's discovery document that MSAL reads (its `authorityMetadata`), every URL on the
 * authority's own origin. Given, MSAL fetches no discovery document before sending the person to sign in.
 */
export interface AuthorityMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

/** An operation a first visit's watch list starts with (OPWATCH_DEMO_OPERATIONS), and the label it is watched under. */
export interface DemoOperation {
  /** A permalink path, `/op/...`, in the form permalinkPath gives. */
  permalink: string;
  label?: string;
}

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
  /** The OIDC authority's endpoints, so that MSAL needs no discovery request (AZURE_AUTHORITY_METADATA), or null. */
  authorityMetadata: AuthorityMetadata | null;
  /**
   * An OIDC authority on this machine (localhost, 127.0.0.0/8, [::1]), such as the demo's local sign-in server, whose
   * certificate the browser has not seen before: the sign-in prompt says how to accept it. Never true for Entra ID.
   */
  signInServerOnThisMachine: boolean;
  /** Absolute redirect URI, or null for the app's own origin + "/" (worked out in the browser). */
  redirectUri: string | null;
  /** The operations the dashboard starts with on a first visit. */
  demoOperations: DemoOperation[];
  /** Raw DEVCENTER_ALLOWED_HOSTS, so the UI can warn about a pasted DevCenter host the proxy will refuse. */
  devcenterAllowedHosts: string;
  /**
   * Reads per second and burst this browser may spend per ARM subscription and per DevCenter endpoint, and how far above
   * that it may read while Azure reports the bucket well filled (lib/polling/fleet/headroom.ts).
   */
  readBudgets: Record<OperationKind, BucketSpec> & { headroom: HeadroomSettings };
  /** DevCenter endpoints (host[:port], lower case, each allowed) a first visit looks for dev boxes at (OPWATCH_DISCOVERY_ENDPOINTS). */
  discoveryEndpoints: string[];
  /** How often an endpoint is swept, and the list reads per minute a browser may spend on it (lib/discovery/sweep.ts). */
  discovery: { intervalMs: number; readsPerMinute: number };
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
