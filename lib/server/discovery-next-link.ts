import "server-only";
import { DISCOVERY_API_VERSION } from "@/lib/azure/discovery-lists";
import { fail, ok, type ParamIssue, type Result } from "@/lib/azure/params";

/**
 * The query of a discovery route: nothing (the first page) or one `nextLink`, Azure's link to the next page as it
 * came, URL-encoded. The proxy never calls the nextLink itself: it calls the allowed origin and the list's own path,
 * and takes only the nextLink's query, Azure's continuation. So the link must read exactly as that origin and path:
 * - the origin as the allow-list gave it, written out (no other scheme, userinfo, port spelling or IP shorthand), the
 *   host in any case;
 * - the path compared without case (Azure may write a project name lower-cased), character for character otherwise
 *   (no dot segments, no percent-encoded letters, no trailing slash);
 * - no fragment, whitespace, control character or backslash, which the URL parser would drop or rewrite silently;
 * - `api-version` absent (the proxy adds its own) or the proxy's own, once: a page of another version is another shape.
 */

export const MAX_NEXT_LINK_LENGTH = 4096;

const QUERY_PARAMETER = "nextLink";
const API_VERSION = "api-version";

const nextLinkIssue = (message: string): ParamIssue => ({ parameter: QUERY_PARAMETER, message: `${QUERY_PARAMETER} ${message}` });

/** The nextLink a discovery route was asked for (undefined: the first page), or why its query is refused. */
export function nextLinkOf(requestUrl: string): Result<string | undefined> {
  const query = new URL(requestUrl).searchParams;
  for (const name of query.keys()) {
    if (name !== QUERY_PARAMETER) {
      return fail({ parameter: "query", message: `'${name.slice(0, 40)}' is not accepted: a discovery list takes only ${QUERY_PARAMETER}` });
    }
  }
  const links = query.getAll(QUERY_PARAMETER);
  if (links.length > 1) return fail(nextLinkIssue(`is given ${links.length} times; a page has one`));
  return ok(links[0]);
}

/** The upstream URL of the page a nextLink names on `list` (the allowed origin and the list's path, no query). */
export function nextPageUrl(nextLink: string, list: URL): Result<URL> {
  if (nextLink === "") return fail(nextLinkIssue("is empty"));
  if (nextLink.length > MAX_NEXT_LINK_LENGTH) return fail(nextLinkIssue(`is longer than ${MAX_NEXT_LINK_LENGTH} characters`));
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\s\u0000-\u001f\u007f\\]/.test(nextLink)) return fail(nextLinkIssue("contains whitespace, a control character or a backslash"));
  if (nextLink.includes("#")) return fail(nextLinkIssue("must not carry a fragment"));
  let link: URL;
  try {
    link = new URL(nextLink);
  } catch {
    return fail(nextLinkIssue("must be an absolute URL, as Azure sends it"));
  }
  if (link.protocol !== "https:" && link.protocol !== "http:") return fail(nextLinkIssue("must be an https URL"));
  if (link.username !== "" || link.password !== "") return fail(nextLinkIssue("must not carry user information"));

  const written = nextLink.toLowerCase();
  if (!written.startsWith(`${list.origin}/`) || link.origin !== list.origin) {
    return fail(nextLinkIssue(`must be on the endpoint's origin ${list.origin}`));
  }
  const path = written.slice(list.origin.length).split("?", 1)[0];
  if (path !== list.pathname.toLowerCase() || link.pathname.toLowerCase() !== path) {
    return fail(nextLinkIssue(`must be the next page of this same list (${list.pathname})`));
  }

  const versions = [...link.searchParams].filter(([name]) => name.toLowerCase() === API_VERSION);
  if (versions.length > 1 || versions.some(([name, value]) => name !== API_VERSION || value !== DISCOVERY_API_VERSION)) {
    return fail(nextLinkIssue(`must carry ${API_VERSION}=${DISCOVERY_API_VERSION} once, or none`));
  }
  const page = new URL(list.href);
  // The continuation as Azure wrote it (the parser only escaped what a URL cannot hold), never re-serialised.
  page.search = versions.length === 1 ? link.search : `${link.search}${link.search === "" ? "?" : "&"}${API_VERSION}=${DISCOVERY_API_VERSION}`;
  return ok(page);
}
