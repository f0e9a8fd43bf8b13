import "server-only";
import { ARM_SUBSCRIPTION_READS, DEFAULT_READ_BUDGET } from "@/lib/azure/token-bucket";
import { DISCOVERY_INTERVAL_SECONDS, DISCOVERY_READS_PER_MINUTE } from "./discovery-settings";
import { HEADROOM_CEILING_SHARE } from "./headroom-settings";
import { TELEMETRY_INTERVALS } from "./operating-settings";
import type { ConfigVariable } from "./schema";

/**
 * How to fix each variable, keyed by its name, which is the path of every issue its rules report. A variable without
 * a fix does not compile. Each text names its own variable, so a person can act on it without the README.
 */
export const FIXES: Readonly<Record<ConfigVariable, string>> = {
  AZURE_AUTH_PROTOCOL: 'Set AZURE_AUTH_PROTOCOL to "AAD" (Microsoft Entra ID, the default) or "OIDC" (the local sign-in server).',
  AZURE_CLIENT_ID:
    "Set AZURE_CLIENT_ID to the Application (client) ID of the app registration in Microsoft Entra ID (a GUID, on the registration's Overview page).",
  AZURE_AUTHORITY:
    "Set AZURE_AUTHORITY to an https URL such as https://login.microsoftonline.com/organizations or https://login.microsoftonline.com/<tenant-id>, or leave it unset for the default.",
  AZURE_KNOWN_AUTHORITIES:
    "Set AZURE_KNOWN_AUTHORITIES to a comma-separated list of hosts (with :port if any) that includes the host of AZURE_AUTHORITY, e.g. localhost:4443.",
  AZURE_AUTHORITY_METADATA:
    "Set AZURE_AUTHORITY_METADATA to the OIDC authority's OpenID configuration as one JSON object (the document at <AZURE_AUTHORITY>/.well-known/openid-configuration, or at least issuer, authorization_endpoint, token_endpoint and jwks_uri, all https on the authority's origin), or leave it unset so that MSAL fetches it. The local stack sets it; Entra ID needs none.",
  AZURE_REDIRECT_URI:
    "Set AZURE_REDIRECT_URI to the app's address as registered in Entra ID, e.g. https://opwatch.example.com/ (http only for localhost), or leave it unset to use the app's own origin.",
  OPWATCH_DEMO_OPERATIONS:
    'Set OPWATCH_DEMO_OPERATIONS to comma-separated permalink paths such as /op/devops/<subscription>/<group>/<connector>/<id>, or to a JSON array whose entries are such paths or objects {"permalink": "/op/...", "label": "what it shows"}, or leave it unset.',
  AZURE_ARM_ENDPOINT:
    "Set AZURE_ARM_ENDPOINT to the https origin of Azure Resource Manager, such as https://management.azure.com (the default when unset); plain http only for a simulator on this machine, e.g. http://127.0.0.1:4010.",
  DEVCENTER_ALLOWED_HOSTS:
    "Set DEVCENTER_ALLOWED_HOSTS to comma-separated host patterns such as *.devcenter.azure.com (the default when unset, https only) or full origins such as https://devcenter.example.com:8443; plain http only for loopback origins such as http://127.0.0.1:4010.",
  PROXY_TIMEOUT_MS: "Set PROXY_TIMEOUT_MS to a whole number of milliseconds from 100 to 300000, or leave it unset for 30000.",
  OPWATCH_PROXY_RATE_PER_CLIENT:
    "Set OPWATCH_PROXY_RATE_PER_CLIENT to the proxy requests per second one client address may make, more than 0 and at most 1000000 (e.g. 150), or leave it unset for 150.",
  OPWATCH_PROXY_BURST_PER_CLIENT:
    "Set OPWATCH_PROXY_BURST_PER_CLIENT to a whole number of proxy requests from 1 to 1000000 that one client address may make at once, or leave it unset for 300.",
  OPWATCH_PROXY_MAX_IN_FLIGHT:
    "Set OPWATCH_PROXY_MAX_IN_FLIGHT to a whole number from 1 to 100000 of upstream calls this server may have open at once, or leave it unset for 256.",
  OPWATCH_TRUSTED_PROXY_HOPS:
    "Set OPWATCH_TRUSTED_PROXY_HOPS to the number of reverse proxies every request passes through before opwatch, each adding to X-Forwarded-For (1 on Azure Container Apps or App Service, 2 with Front Door in front of them), or to 0 (the default) when clients connect directly.",
  OPWATCH_ARM_READS_PER_SECOND:
    `Set OPWATCH_ARM_READS_PER_SECOND to the reads per second this browser may make per subscription, more than 0 and at most ${ARM_SUBSCRIPTION_READS.refillPerSecond} (e.g. 2.5), or leave it unset for ${DEFAULT_READ_BUDGET.refillPerSecond}.`,
  OPWATCH_ARM_READ_BURST: `Set OPWATCH_ARM_READ_BURST to a whole number of reads from 1 to ${ARM_SUBSCRIPTION_READS.capacity} that may go at once per subscription, or leave it unset for ${DEFAULT_READ_BUDGET.capacity}.`,
  OPWATCH_DEVCENTER_READS_PER_SECOND:
    `Set OPWATCH_DEVCENTER_READS_PER_SECOND to the reads per second this browser may make per DevCenter endpoint, more than 0 and at most ${ARM_SUBSCRIPTION_READS.refillPerSecond}, or leave it unset for ${DEFAULT_READ_BUDGET.refillPerSecond}.`,
  OPWATCH_DEVCENTER_READ_BURST:
    `Set OPWATCH_DEVCENTER_READ_BURST to a whole number of reads from 1 to ${ARM_SUBSCRIPTION_READS.capacity} that may go at once per DevCenter endpoint, or leave it unset for ${DEFAULT_READ_BUDGET.capacity}.`,
  OPWATCH_READ_HEADROOM:
    "Set OPWATCH_READ_HEADROOM to on (the default) to read faster than the budget while Azure reports its bucket well filled, or to off to keep to the budget.",
  OPWATCH_READ_HEADROOM_CEILING:
    `Set OPWATCH_READ_HEADROOM_CEILING to the most a browser may read per subscription or endpoint, as a share from ${HEADROOM_CEILING_SHARE.min} to ${HEADROOM_CEILING_SHARE.max} of Azure's own rate (ARM refills ${ARM_SUBSCRIPTION_READS.refillPerSecond} reads/s), or leave it unset for ${HEADROOM_CEILING_SHARE.fallback}.`,
  OPWATCH_DISCOVERY_ENDPOINTS:
    "Set OPWATCH_DISCOVERY_ENDPOINTS to comma-separated DevCenter endpoints offered to everyone, each a host such as <tenant id>-<dev center>.westeurope.devcenter.azure.com (or its https:// URL) that DEVCENTER_ALLOWED_HOSTS allows, or leave it unset to offer none.",
  OPWATCH_DISCOVERY_INTERVAL_SECONDS:
    `Set OPWATCH_DISCOVERY_INTERVAL_SECONDS to a whole number of seconds from ${DISCOVERY_INTERVAL_SECONDS.min} to ${DISCOVERY_INTERVAL_SECONDS.max} between sweeps of an endpoint's dev boxes, or leave it unset for ${DISCOVERY_INTERVAL_SECONDS.fallback}.`,
  OPWATCH_DISCOVERY_READS_PER_MINUTE:
    `Set OPWATCH_DISCOVERY_READS_PER_MINUTE to a whole number from ${DISCOVERY_READS_PER_MINUTE.min} to ${DISCOVERY_READS_PER_MINUTE.max} of list reads a browser may make per DevCenter endpoint in a minute, or leave it unset for ${DISCOVERY_READS_PER_MINUTE.fallback}.`,
  OPWATCH_LOG_LEVEL:
    "Set OPWATCH_LOG_LEVEL to one of silent, fatal, error, warn, info (the default: a line per proxied request), debug or trace.",
  OTEL_EXPORTER_OTLP_ENDPOINT:
    "Set OTEL_EXPORTER_OTLP_ENDPOINT to the base URL of an OTLP/HTTP receiver such as http://localhost:4318 (traces go to /v1/traces, metrics to /v1/metrics; headers in OTEL_EXPORTER_OTLP_HEADERS), or leave it unset to send no OpenTelemetry data.",
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    "Set APPLICATIONINSIGHTS_CONNECTION_STRING to the Application Insights resource's connection string as its Overview page shows it (InstrumentationKey=<GUID>;IngestionEndpoint=https://…), or leave it unset to send nothing to Azure Monitor.",
  OTEL_METRIC_EXPORT_INTERVAL:
    `Set OTEL_METRIC_EXPORT_INTERVAL to a whole number of milliseconds from ${TELEMETRY_INTERVALS.metricExport.min} to ${TELEMETRY_INTERVALS.metricExport.max} between two exports of the metrics, or leave it unset for ${TELEMETRY_INTERVALS.metricExport.fallback}.`,
  OTEL_BSP_SCHEDULE_DELAY:
    `Set OTEL_BSP_SCHEDULE_DELAY to a whole number of milliseconds from ${TELEMETRY_INTERVALS.spanBatch.min} to ${TELEMETRY_INTERVALS.spanBatch.max} between two exports of the finished spans, or leave it unset for ${TELEMETRY_INTERVALS.spanBatch.fallback}.`,
};
