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

/** DevCenter's lists of the caller's own (`users/me`); `devboxes` with a project is that project's. */
export type DevCenterListRoute =
  | { list: "projects" }
  | { list: "devboxes"; projectName?: string }
  | { list: "operations"; projectName: string; devBoxName: string };

export type ControlRoute =
  | { name: "operations" }
  | { name: "operation"; id: string }
  | { name: "requests"; id: string }
  | { name: "devboxes" }
  | { name: "devboxOperations"; projectName: string; devBoxName: string }
  | { name: "discoveryFaults" };

const DEVOPS = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.security\/securityconnectors\/([^/]+)\/devops\/default\/operationresults\/([^/]+)\/?$/i;
const DEVCENTER = /^\/projects\/([^/]+)\/operationstatuses\/([^/]+)\/?$/i;

const PROJECTS = /^\/projects\/?$/i;
const MY_DEVBOXES = /^\/users\/me\/devboxes\/?$/i;
const PROJECT_DEVBOXES = /^\/projects\/([^/]+)\/users\/me\/devboxes\/?$/i;
const DEVBOX_OPERATIONS = /^\/projects\/([^/]+)\/users\/me\/devboxes\/([^/]+)\/operations\/?$/i;

export function matchDevCenterListRoute(pathname: string): DevCenterListRoute | undefined {
  if (PROJECTS.test(pathname)) return { list: "projects" };
  if (MY_DEVBOXES.test(pathname)) return { list: "devboxes" };
  const project = decodeGroups(PROJECT_DEVBOXES.exec(pathname), 1);
  const [projectName] = project ?? [];
  if (projectName !== undefined) return { list: "devboxes", projectName };
  const operations = decodeGroups(DEVBOX_OPERATIONS.exec(pathname), 2);
  if (operations) {
    const [projectName, devBoxName] = operations as [string, string];
    return { list: "operations", projectName, devBoxName };
  }
  return undefined;
}

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
  if (parts[1] !== "_sim") return undefined;
  if (parts[2] === "devboxes") return devBoxRoute(parts.slice(3));
  if (parts[2] === "discovery" && parts[3] === "faults" && parts.length === 4) return { name: "discoveryFaults" };
  if (parts[2] !== "operations") return undefined;
  const id = parts[3];
  if (id === undefined) return parts.length === 3 ? { name: "operations" } : undefined;
  if (parts.length === 4) return { name: "operation", id };
  if (parts.length === 5 && parts[4] === "requests") return { name: "requests", id };
  return undefined;
}

/** `/_sim/devboxes` and `/_sim/devboxes/{projectName}/{devBoxName}/operations`. */
function devBoxRoute(rest: string[]): ControlRoute | undefined {
  if (rest.length === 0) return { name: "devboxes" };
  if (rest.length !== 3 || rest[2] !== "operations") return undefined;
  const names = decodeAll([rest[0] ?? "", rest[1] ?? ""]);
  if (!names) return undefined;
  const [projectName, devBoxName] = names as [string, string];
  return projectName === "" || devBoxName === "" ? undefined : { name: "devboxOperations", projectName, devBoxName };
}

function decodeGroups(match: RegExpExecArray | null, count: number): string[] | undefined {
  return match ? decodeAll(match.slice(1, count + 1)) : undefined;
}

function decodeAll(values: string[]): string[] | undefined {
  try {
    return values.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
