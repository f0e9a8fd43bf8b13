import { describe, expect, it } from "vitest";
import { discoveryProxyPath, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";
import { ok } from "@/lib/azure/params";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv, JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";
import { recordingUpstreamForFile } from "@/lib/dev/test-support/recording-upstream";
import { createDiscoveryHandler } from "./proxy-handler";

const upstream = await recordingUpstreamForFile();

function handlers() {
  const transport = loopbackOnlyGet();
  const env = loopbackProxyEnv(upstream.url);
  const deps = { getEnv: () => ok(env), get: transport.get };
  return {
    projects: createDiscoveryHandler("projects", deps),
    devboxes: createDiscoveryHandler("devboxes", deps),
    operations: createDiscoveryHandler("operations", deps),
    calls: transport.calls,
  };
}

const BOX = { projectName: "Project-1", devBoxName: "box-1" } as const;

/** The request the browser sends for a list (its path from the shared naming) and the params Next hands the route. */
function call(request: DiscoveryListRequest, headers: Record<string, string> = { Authorization: `Bearer ${JWT_SHAPED_TOKEN}` }) {
  const { projects, devboxes, operations } = handlers();
  const handler = { projects, devboxes, operations }[request.list];
  const params =
    request.list === "operations"
      ? { endpointHost: request.endpointHost, projectName: request.projectName, devBoxName: request.devBoxName }
      : { endpointHost: request.endpointHost };
  return handler(new Request(`http://localhost:3000${discoveryProxyPath(request)}`, { headers }), { params: Promise.resolve(params) });
}

const withQuery = (request: DiscoveryListRequest, query: string) => {
  const { projects } = handlers();
  const sent = new Request(`http://localhost:3000${discoveryProxyPath(request)}${query}`, {
    headers: { Authorization: `Bearer ${JWT_SHAPED_TOKEN}` },
  });
  return projects(sent, { params: Promise.resolve({ endpointHost: request.endpointHost }) });
};

describe("discovery lists", () => {
  it.each([
    [{ list: "projects", endpointHost: upstream.host }, "/projects?api-version=2025-02-01"],
    [{ list: "devboxes", endpointHost: upstream.host }, "/users/me/devboxes?api-version=2025-02-01"],
    [{ list: "operations", endpointHost: upstream.host, ...BOX }, "/projects/Project-1/users/me/devboxes/box-1/operations?api-version=2025-02-01"],
  ] as [DiscoveryListRequest, string][])("%o: one GET of %s, Azure's body and status passed back", async (request, path) => {
    const body = '{"value":[{"name":"a"}]}';
    upstream.respondWith({ status: 200, headers: { "Content-Type": "application/json" }, body });
    const response = await call(request);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(upstream.requests.map((r) => [r.method, r.url])).toEqual([["GET", path]]);
  });

  it("forwards the bearer only (no cookie) and passes DevCenter's X-Rate-Limit-* and Retry-After on a 429", async () => {
    upstream.respondWith({
      status: 429,
      headers: {
        "Content-Type": "application/json",
        "Retry-After": "30",
        "X-Rate-Limit-Limit": "1m",
        "X-Rate-Limit-Remaining": "0",
        "X-Rate-Limit-Reset": "2025-06-01T10:01:00Z",
        "Set-Cookie": "a=b",
      },
      body: '{"error":{"code":"TooManyRequests","message":"slow down"}}',
    });
    const response = await call(
      { list: "devboxes", endpointHost: upstream.host },
      { Authorization: `Bearer ${JWT_SHAPED_TOKEN}`, Cookie: "msal=secret" },
    );
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(response.headers.get("x-rate-limit-limit")).toBe("1m");
    expect(response.headers.get("x-rate-limit-remaining")).toBe("0");
    expect(response.headers.get("x-rate-limit-reset")).toBe("2025-06-01T10:01:00Z");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${JWT_SHAPED_TOKEN}`);
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined();
  });

  it("pages through a list with Azure's nextLink, sending its continuation to the same path", async () => {
    const path = "/projects/Project-1/users/me/devboxes/box-1/operations";
    upstream.respondWith((recorded) =>
      recorded.url.includes("skipToken")
        ? { status: 200, headers: { "Content-Type": "application/json" }, body: '{"value":[{"operationId":"2"}]}' }
        : {
            status: 200,
            headers: { "Content-Type": "application/json" },
            // Azure writes the project name lower-cased in its own links.
            body: JSON.stringify({
              value: [{ operationId: "1" }],
              nextLink: `${upstream.url}${path.toLowerCase()}?api-version=2025-02-01&$skipToken=eyJwIjoyfQ%3D%3D`,
            }),
          },
    );
    const first = await call({ list: "operations", endpointHost: upstream.host, ...BOX });
    const { nextLink } = (await first.json()) as { nextLink: string };
    const second = await call({ list: "operations", endpointHost: upstream.host, ...BOX, nextLink });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ value: [{ operationId: "2" }] });
    expect(upstream.requests.map((r) => r.url)).toEqual([
      `${path}?api-version=2025-02-01`,
      `${path}?api-version=2025-02-01&$skipToken=eyJwIjoyfQ%3D%3D`,
    ]);
  });

  it("checks names by the published patterns before any call", async () => {
    const badBox = await call({ list: "operations", endpointHost: upstream.host, projectName: "Project-1", devBoxName: "../x" });
    expect(await expectAzureError(badBox, 400, "InvalidParameter")).toContain("'devBoxName'");
    const badProject = await call({ list: "operations", endpointHost: upstream.host, projectName: "p", devBoxName: "box-1" });
    expect(await expectAzureError(badProject, 400, "InvalidParameter")).toContain("'projectName'");
    await expectAzureError(await call({ list: "projects", endpointHost: "evil.example" }), 400, "EndpointNotAllowed");
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ["a nextLink to another origin", { nextLink: "https://evil.example/projects?$skipToken=1" }, "origin"],
    ["a nextLink to another list", { nextLink: "{upstream}/users/me/devboxes?$skipToken=1" }, "same list"],
    ["a nextLink with user information", { nextLink: "http://evil.example@{host}/projects" }, "user information"],
    ["a nextLink with a fragment", { nextLink: "{upstream}/projects#x" }, "fragment"],
    ["a nextLink over the size limit", { nextLink: `{upstream}/projects?$skipToken=${"a".repeat(5000)}` }, "longer than"],
    ["an empty nextLink", { nextLink: "" }, "empty"],
  ])("%s is a 400 naming nextLink, with no upstream call", async (_name, { nextLink }, message) => {
    const link = nextLink.replace("{upstream}", upstream.url).replace("{host}", upstream.host);
    const response = await call({ list: "projects", endpointHost: upstream.host, nextLink: link });
    const text = await expectAzureError(response, 400, "InvalidParameter");
    expect(text).toContain("'nextLink'");
    expect(text).toContain(message);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ["two nextLinks", "?nextLink=a&nextLink=b", "given 2 times"],
    ["an unknown parameter", "?api-version=2020-01-01", "not accepted"],
    ["a parameter beside nextLink", "&$top=5", "not accepted"],
  ])("%s in the query is a 400 with no upstream call", async (_name, query, message) => {
    const base: DiscoveryListRequest = query.startsWith("&")
      ? { list: "projects", endpointHost: upstream.host, nextLink: `${upstream.url}/projects` }
      : { list: "projects", endpointHost: upstream.host };
    expect(await expectAzureError(await withQuery(base, query), 400, "InvalidParameter")).toContain(message);
    expect(upstream.requests).toHaveLength(0);
  });

  it("needs a bearer token before any call", async () => {
    await expectAzureError(await call({ list: "projects", endpointHost: upstream.host }, {}), 401, "AuthenticationRequired");
    expect(upstream.requests).toHaveLength(0);
  });
});
