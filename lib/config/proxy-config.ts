import type { AllowRule } from "@/lib/azure/allow-list";
import type { BucketSpec } from "@/lib/azure/token-bucket";

/** The proxy's own limits (lib/server/proxy-limits.ts), per server process. */
export interface ProxyLimits {
  /** One bucket per client address: OPWATCH_PROXY_RATE_PER_CLIENT and OPWATCH_PROXY_BURST_PER_CLIENT. */
  perClient: BucketSpec;
  /** Upstream calls open at once across all clients: OPWATCH_PROXY_MAX_IN_FLIGHT. */
  maxInFlight: number;
}

/** The proxy's settings, validated by read-config.ts. */
export interface ProxyConfig {
  /** The origin the devops route calls (AZURE_ARM_ENDPOINT). */
  armEndpoint: string;
  /** DEVCENTER_ALLOWED_HOSTS, parsed. */
  devcenterAllowList: AllowRule[];
  /** PROXY_TIMEOUT_MS. */
  timeoutMs: number;
  limits: ProxyLimits;
  /**
   * OPWATCH_TRUSTED_PROXY_HOPS: the reverse proxies in front, each appending to X-Forwarded-For; the client's address is
   * the entry that many places from its right end (lib/server/client-address.ts). 0: the socket's address.
   */
  trustedProxyHops: number;
}
