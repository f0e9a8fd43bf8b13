import { checkParam, fail, type Result } from "./params";

/**
 * What a person types or pastes for an endpoint: a host (`name.region.devcenter.azure.com`, with `:port` if any) or a
 * URL on it (`https://{tenant}-{devcenter}.{region}.devcenter.azure.com/...`), reduced to host[:port] in lower case.
 */
export function parseEndpointInput(text: string): Result<string, string> {
  const trimmed = text.trim();
  if (trimmed === "") return fail("Enter the dev center's endpoint, e.g. https://{tenant}-{devcenter}.{region}.devcenter.azure.com");
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return fail("This is not a URL that can be read; give the endpoint's host or its https:// URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return fail(`A DevCenter endpoint is an https:// URL, not ${url.protocol}//`);
    if (url.username !== "" || url.password !== "") return fail("An endpoint URL carries no user name or password");
    host = url.host;
  } else {
    // A host with a path pasted without its scheme keeps only the host.
    host = trimmed.split(/[/?#]/, 1)[0] ?? "";
  }
  const checked = checkParam("endpointHost", host);
  return checked.ok ? checked : fail(`The endpoint ${checked.error}`);
}
