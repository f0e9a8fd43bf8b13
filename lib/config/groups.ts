import "server-only";
import { z } from "zod";
import { matchAllowList } from "@/lib/azure/allow-list";
import { trimTrailingSlashes } from "@/lib/azure/operation-ref";
import { offOriginProblem } from "./authority-metadata";
import type { AuthProtocol } from "./public-config";
import { configSchema } from "./schema";

/**
 * The schema's two groups, parsed apart: a sign-in mistake shows the configuration page while the proxy keeps serving
 * (scripts/bench-proxy.ts runs the app with the proxy's variables only). The page still lists the proxy's problems.
 */

export const proxyGroup = configSchema.pick({
  AZURE_ARM_ENDPOINT: true,
  DEVCENTER_ALLOWED_HOSTS: true,
  PROXY_TIMEOUT_MS: true,
  OPWATCH_PROXY_RATE_PER_CLIENT: true,
  OPWATCH_PROXY_BURST_PER_CLIENT: true,
  OPWATCH_PROXY_MAX_IN_FLIGHT: true,
  OPWATCH_TRUSTED_PROXY_HOPS: true,
});

/** The server's log and telemetry (lib/telemetry): a mistake here shows on the page, the proxy keeps serving. */
export const operatingGroup = configSchema.pick({
  OPWATCH_LOG_LEVEL: true,
  OTEL_EXPORTER_OTLP_ENDPOINT: true,
  APPLICATIONINSIGHTS_CONNECTION_STRING: true,
  OTEL_METRIC_EXPORT_INTERVAL: true,
  OTEL_BSP_SCHEDULE_DELAY: true,
});

/** The browser's read budgets (lib/polling/fleet): public, and no concern of the proxy's. */
export const readBudgetGroup = configSchema.pick({
  OPWATCH_ARM_READS_PER_SECOND: true,
  OPWATCH_ARM_READ_BURST: true,
  OPWATCH_DEVCENTER_READS_PER_SECOND: true,
  OPWATCH_DEVCENTER_READ_BURST: true,
  OPWATCH_READ_HEADROOM: true,
  OPWATCH_READ_HEADROOM_CEILING: true,
});

/**
 * Discovery's settings, public. An offered endpoint the proxy would refuse is a mistake to fix here, not a "refused"
 * state for everyone to see. DEVCENTER_ALLOWED_HOSTS is picked only for this rule: its own problems are the proxy's.
 */
export const discoveryGroup = configSchema
  .pick({
    DEVCENTER_ALLOWED_HOSTS: true,
    OPWATCH_DISCOVERY_ENDPOINTS: true,
    OPWATCH_DISCOVERY_INTERVAL_SECONDS: true,
    OPWATCH_DISCOVERY_READS_PER_MINUTE: true,
  })
  .superRefine(
    (vars, ctx) => {
      const failed = (name: string) => ctx.issues.some((issue) => issue.path?.[0] === name);
      if (failed("DEVCENTER_ALLOWED_HOSTS") || failed("OPWATCH_DISCOVERY_ENDPOINTS")) return;
      const refused = vars.OPWATCH_DISCOVERY_ENDPOINTS.flatMap((host, i) =>
        matchAllowList(host, vars.DEVCENTER_ALLOWED_HOSTS.rules) === undefined ? [{ host, position: i + 1 }] : [],
      );
      if (refused.length === 0) return;
      const positions = refused.map((r) => r.position).join(", ");
      ctx.addIssue({
        code: "custom",
        path: ["OPWATCH_DISCOVERY_ENDPOINTS"],
        message: `${refused.length === 1 ? "entry" : "entries"} ${positions} ${refused.length === 1 ? "is" : "are"} not allowed by DEVCENTER_ALLOWED_HOSTS: the proxy would refuse to read ${refused.length === 1 ? "it" : "them"}.`,
        params: { detail: `${refused.map((r) => `"${r.host}"`).join(", ")} not allowed.` },
      });
    },
    { when: () => true },
  );

/** Only the discovery group's own variables: the proxy group reports DEVCENTER_ALLOWED_HOSTS. */
export const isDiscoveryIssue = (issue: { path: readonly PropertyKey[] }): boolean => issue.path[0] !== "DEVCENTER_ALLOWED_HOSTS";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Value-free, like every problem (lib/config/schema.ts): the value is in the server's log. */
function clientIdProblem(protocol: AuthProtocol, clientId: string): string | undefined {
  if (protocol === "AAD") {
    return GUID.test(clientId) ? undefined : "is not a GUID; Entra ID client ids look like 00000000-0000-0000-0000-000000000000.";
  }
  return /^[\w.~-]{1,128}$/.test(clientId) ? undefined : "must be 1-128 letters, digits, '-', '_', '.' or '~'.";
}

/**
 * The rules that join two variables. Each reports under the variable a person would change. They run even when
 * another variable failed (`when`), so every problem shows at once; a variable that failed its own rule is skipped.
 */
export const signInGroup = configSchema
  .pick({
    AZURE_AUTH_PROTOCOL: true,
    AZURE_CLIENT_ID: true,
    AZURE_AUTHORITY: true,
    AZURE_KNOWN_AUTHORITIES: true,
    AZURE_AUTHORITY_METADATA: true,
    AZURE_REDIRECT_URI: true,
    OPWATCH_DEMO_OPERATIONS: true,
  })
  .superRefine(
    (vars, ctx) => {
      const parsed = <K extends keyof typeof vars>(name: K): (typeof vars)[K] | undefined =>
        ctx.issues.some((issue) => issue.path?.[0] === name) ? undefined : vars[name];
      const report = (variable: keyof typeof vars, message: string, detail?: string) => {
        ctx.addIssue({ code: "custom", path: [variable], message, ...(detail === undefined ? {} : { params: { detail } }) });
      };
      // An unreadable protocol is reported already; the others are checked as for the default, Entra ID.
      const protocol = parsed("AZURE_AUTH_PROTOCOL") ?? "AAD";

      const clientId = parsed("AZURE_CLIENT_ID");
      const badClientId = clientId === undefined ? undefined : clientIdProblem(protocol, clientId);
      if (badClientId) report("AZURE_CLIENT_ID", badClientId);

      // Entra ID's endpoints come with MSAL; the metadata is for a plain OpenID provider only.
      const metadata = parsed("AZURE_AUTHORITY_METADATA");
      if (metadata !== undefined && protocol === "AAD") {
        report("AZURE_AUTHORITY_METADATA", "is only for an OpenID Connect authority (AZURE_AUTH_PROTOCOL=OIDC); Entra ID's endpoints are built into MSAL.");
      }

      const authority = parsed("AZURE_AUTHORITY");
      if (authority === undefined) return;
      const authorityUrl = new URL(authority);
      if (protocol === "AAD" && trimTrailingSlashes(authorityUrl.pathname) === "") {
        report("AZURE_AUTHORITY", "names no tenant; Entra ID authorities end in /organizations, /common or /<tenant-id>.");
      }
      // MSAL only talks to an OIDC authority it is told to trust; unset, the authority's own host is trusted.
      const known = parsed("AZURE_KNOWN_AUTHORITIES");
      if (protocol === "OIDC" && known !== undefined && !known.includes(authorityUrl.host)) {
        report("AZURE_KNOWN_AUTHORITIES", "does not include the host of AZURE_AUTHORITY.", `does not include "${authorityUrl.host}".`);
      }
      const offOrigin = metadata !== undefined && protocol === "OIDC" ? offOriginProblem(metadata, authorityUrl.origin) : undefined;
      if (offOrigin) report("AZURE_AUTHORITY_METADATA", offOrigin.message, offOrigin.detail);
    },
    { when: () => true },
  );

export type ProxyVariables = z.output<typeof proxyGroup>;
export type SignInVariables = z.output<typeof signInGroup>;
export type ReadBudgetVariables = z.output<typeof readBudgetGroup>;
export type DiscoveryVariables = z.output<typeof discoveryGroup>;
export type OperatingVariables = z.output<typeof operatingGroup>;
