import type { PublicConfig } from "@/lib/config/public-config";

/** What the browser gets for a plain Entra ID deployment with the default settings, for tests of what reads it. */
export const samplePublicConfig: PublicConfig = {
  clientId: "11111111-2222-4333-8444-555555555555",
  authority: "https://login.microsoftonline.com/organizations",
  protocol: "AAD",
  knownAuthorities: [],
  authorityMetadata: null,
  signInServerOnThisMachine: false,
  redirectUri: null,
  demoOperations: [],
  devcenterAllowedHosts: "*.devcenter.azure.com",
  readBudgets: {
    devops: { refillPerSecond: 5, capacity: 10 },
    devcenter: { refillPerSecond: 5, capacity: 10 },
    headroom: { enabled: true, ceilingShare: 0.5 },
  },
  discoveryEndpoints: [],
  discovery: { intervalMs: 30_000, readsPerMinute: 40 },
};
