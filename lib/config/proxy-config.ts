import type { AllowRule } from "@/lib/azure/allow-list";

/** The proxy's settings: AZURE_ARM_ENDPOINT, DEVCENTER_ALLOWED_HOSTS and PROXY_TIMEOUT_MS, validated by read-config.ts. */
export interface ProxyConfig {
  /** The origin the devops route calls. */
  armEndpoint: string;
  devcenterAllowList: AllowRule[];
  timeoutMs: number;
}
