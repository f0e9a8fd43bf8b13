import { API_VERSIONS } from "./operation-ref";

/**
 * The DevCenter data plane lists that discovery reads (the person's own, `users/me`), as both sides name them: the
 * browser asks the proxy for `/api/discovery/{endpointHost}/...`, the proxy calls the one matching Azure path.
 */

export type DiscoveryList = "projects" | "devboxes" | "operations";

export type DiscoveryListRequest =
  | { list: "projects"; endpointHost: string; nextLink?: string | undefined }
  | { list: "devboxes"; endpointHost: string; nextLink?: string | undefined }
  | { list: "operations"; endpointHost: string; projectName: string; devBoxName: string; nextLink?: string | undefined };

const enc = encodeURIComponent;

/** The list's path below the DevCenter endpoint (no query). */
export function discoveryUpstreamPath(request: DiscoveryListRequest): string {
  switch (request.list) {
    case "projects":
      return "/projects";
    case "devboxes":
      return "/users/me/devboxes";
    case "operations":
      return `/projects/${enc(request.projectName)}/users/me/devboxes/${enc(request.devBoxName)}/operations`;
  }
}

/** The proxy route that reads the list; a next page carries Azure's nextLink as it came, URL-encoded. */
export function discoveryProxyPath(request: DiscoveryListRequest): string {
  const base = `/api/discovery/${enc(request.endpointHost)}`;
  const path =
    request.list === "operations"
      ? `${base}/projects/${enc(request.projectName)}/devboxes/${enc(request.devBoxName)}/operations`
      : `${base}/${request.list}`;
  return request.nextLink === undefined ? path : `${path}?nextLink=${enc(request.nextLink)}`;
}

export const DISCOVERY_API_VERSION = API_VERSIONS.devcenter;
