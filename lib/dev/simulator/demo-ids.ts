import { DEMO_USERS } from "@/lib/dev/signin/users";

/** Fixed GUID-shaped demo ids, recognisable by their `de` prefix: permalinks to demo operations survive restarts. */
export const demoId = (n: number) => `de${String(n).padStart(6, "0")}-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** The `id` a devops operation result carries, as in the API document's example. */
export const devopsResultId = (ids: { subscriptionId: string; resourceGroupName: string; securityConnectorName: string }, id: string) =>
  `/subscriptions/${ids.subscriptionId}/resourceGroups/${ids.resourceGroupName}/providers/Microsoft.Security/securityConnectors/${ids.securityConnectorName}/devops/default/operationResults/${id}?api-version=2024-04-01`;

/** The demo's own subscription and DevCenter project (the API documents' examples keep theirs). */
export const DEMO_SUBSCRIPTION = "7b1e5d2a-3c4f-4e6a-9b8c-1d2e3f4a5b6c";
export const DEMO_PROJECT = "demo-project";

/** The `id` and `name` a DevCenter operation status carries. */
export const devcenterHead = (project: string, id: string) => ({ id: `/projects/${project}/operationStatuses/${id}`, name: id });

/** The first demo user's object id: the owner of dev boxes that name none, and of a token without claims. */
export const DEMO_OWNER = DEMO_USERS[0]?.oid ?? "";
/** The second demo user's, who owns one of the demo's dev boxes. */
export const DEMO_OTHER_OWNER = DEMO_USERS[1]?.oid ?? "";

/** The demo dev center's projects (names no e2e test uses: tests that run in parallel keep to their own). */
export const DEMO_DEVBOX_PROJECTS = { apps: "demo-apps-team", data: "demo-data-platform" } as const;
