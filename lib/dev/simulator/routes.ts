/**
 * Which of the simulator's paths a request is for. Fixed segments match case-insensitively, as ARM matches them;
 * a single trailing slash is tolerated. Path parameters come back decoded and otherwise as sent.
 */

export type AzureRoute =
  | {
      kind: "devops";
      subscriptionId: string;
      resourceGroupName: string;
      securityConnectorName: string;
      operationResultId: string;
    }
  | { kind: "devcenter"; projectName: string; operationId: string };

export type ControlRoute = { name: "operations" } | { name: "operation"; id: string } | { name: "requests"; id: string };

const DEVOPS = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.security\/securityconnectors\/([^/]+)\/devops\/default\/operationresults\/([^/]+)\/?$/i;
const DEVCENTER = /^\/projects\/([^/]+)\/operationstatuses\/([^/]+)\/?$/i;

export function matchAzureRoute(pathname: string): AzureRoute | undefined {
  const devops = decodeGroups(DEVOPS.exec(pathname), 4);
  if (devops) {
    const [subscriptionId, resourceGroupName, securityConnectorName, operationResultId] = devops as [string, string, string, string];
    return { kind: "devops", subscriptionId, resourceGroupName, securityConnectorName, operationResultId };
  }
  const devcenter = decodeGroups(DEVCENTER.exec(pathname), 2);
  if (devcenter) {
    const [projectName, operationId] = devcenter as [string, string];
    return { kind: "devcenter", projectName, operationId };
  }
  return undefined;
}

export function matchControlRoute(pathname: string): ControlRoute | undefined {
  const parts = pathname.replace(/\/$/, "").split("/");
  if (parts[1] !== "_sim" || parts[2] !== "operations") return undefined;
  const id = parts[3];
  if (id === undefined) return parts.length === 3 ? { name: "operations" } : undefined;
  if (parts.length === 4) return { name: "operation", id };
  if (parts.length === 5 && parts[4] === "requests") return { name: "requests", id };
  return undefined;
}

function decodeGroups(match: RegExpExecArray | null, count: number): string[] | undefined {
  if (!match) return undefined;
  try {
    return match.slice(1, count + 1).map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
