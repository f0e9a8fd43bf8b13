import { afterAll, describe, expect, it } from "vitest";
import { expectAzureError } from "@/lib/dev/test-support/expect-azure-error";
import { startRecordingUpstream } from "@/lib/dev/test-support/recording-upstream";
import { VALID_DEVCENTER_IDS, VALID_DEVOPS_PARAMS } from "@/lib/dev/test-support/proxy-hostile-inputs";
import { JWT_SHAPED_TOKEN } from "@/lib/dev/test-support/proxy-test-env";

/**
 * The route files as Next loads them: bound to process.env (read once), called with real Requests and the params
 * promise Next 16 passes. Each test file has its own module registry, so setting the environment before importing
 * the routes is enough.
 */

const upstream = await startRecordingUpstream();
process.env.AZURE_ARM_ENDPOINT = upstream.url;
process.env.DEVCENTER_ALLOWED_HOSTS = `*.devcenter.azure.com,${upstream.url}`;
process.env.PROXY_TIMEOUT_MS = "5000";

const devopsRoute = await import("@/app/api/devops/[subscriptionId]/[resourceGroupName]/[securityConnectorName]/[operationResultId]/route");
const devcenterRoute = await import("@/app/api/devcenter/[endpointHost]/[projectName]/[operationId]/route");
const projectsRoute = await import("@/app/api/discovery/[endpointHost]/projects/route");
const devBoxesRoute = await import("@/app/api/discovery/[endpointHost]/devboxes/route");
const operationsRoute = await import("@/app/api/discovery/[endpointHost]/projects/[projectName]/devboxes/[devBoxName]/operations/route");
const healthRoute = await import("@/app/api/health/route");
const fallbackRoute = await import("@/app/api/[[...path]]/route");

afterAll(async () => {
  await upstream.close();
});

// JWT-shaped ({"alg":"RS256"}), as the proxy requires; the upstream here does not verify it.
const bearer = { Authorization: `Bearer ${JWT_SHAPED_TOKEN}` };
const OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

describe("route files", () => {
  it("are dynamic Node.js routes", () => {
    for (const route of [devopsRoute, devcenterRoute, projectsRoute, devBoxesRoute, operationsRoute, healthRoute, fallbackRoute]) {
      expect(route.dynamic).toBe("force-dynamic");
      expect(route.runtime).toBe("nodejs");
    }
  });

  it("devops GET proxies to AZURE_ARM_ENDPOINT from the environment", async () => {
    upstream.reset();
    upstream.respondWith({ status: 200, headers: { "Content-Type": "application/json" }, body: '{"status":"Failed"}' });
    const response = await devopsRoute.GET(new Request("http://localhost:3000/api/devops/...", { headers: bearer }), {
      params: Promise.resolve({ ...VALID_DEVOPS_PARAMS }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"status":"Failed"}');
    expect(upstream.requests[0]?.url).toMatch(/^\/subscriptions\/00000000-0000-0000-0000-000000000000\/resourceGroups\/rg-1\//);
  });

  it("devcenter GET proxies to an origin DEVCENTER_ALLOWED_HOSTS allows", async () => {
    upstream.reset();
    const response = await devcenterRoute.GET(new Request("http://localhost:3000/api/devcenter/...", { headers: bearer }), {
      params: Promise.resolve({ endpointHost: upstream.host, ...VALID_DEVCENTER_IDS }),
    });
    expect(response.status).toBe(200);
    expect(upstream.requests[0]?.url).toMatch(/^\/projects\/project-1\/operationstatuses\//);
  });

  it("the discovery GETs read the person's lists on an origin DEVCENTER_ALLOWED_HOSTS allows, a next page by nextLink", async () => {
    upstream.reset();
    const request = (path: string) => new Request(`http://localhost:3000${path}`, { headers: bearer });
    const params = <T>(values: T) => ({ params: Promise.resolve({ endpointHost: upstream.host, ...values }) });
    const base = `/api/discovery/${upstream.host}`;
    const nextLink = `${upstream.url}/users/me/devboxes?$skipToken=2`;
    const answers = [
      await projectsRoute.GET(request(`${base}/projects`), params({})),
      await devBoxesRoute.GET(request(`${base}/devboxes?nextLink=${encodeURIComponent(nextLink)}`), params({})),
      await operationsRoute.GET(
        request(`${base}/projects/project-1/devboxes/box-1/operations`),
        params({ projectName: "project-1", devBoxName: "box-1" }),
      ),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(upstream.requests.map((request) => request.url)).toEqual([
      "/projects?api-version=2025-02-01",
      "/users/me/devboxes?$skipToken=2&api-version=2025-02-01",
      "/projects/project-1/users/me/devboxes/box-1/operations?api-version=2025-02-01",
    ]);
  });

  it.each(OTHER_METHODS)("%s on the proxy routes is 405 MethodNotAllowed and calls nothing", async (method) => {
    upstream.reset();
    for (const route of [devopsRoute, devcenterRoute, projectsRoute, devBoxesRoute, operationsRoute, healthRoute]) {
      const response = route[method](new Request("http://localhost:3000/api/x", { method, headers: bearer }));
      expect(response.headers.get("allow")).toBe("GET");
      expect(await expectAzureError(response, 405, "MethodNotAllowed")).toContain(method);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it("health answers 200 without touching the upstream", async () => {
    upstream.reset();
    const response = healthRoute.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(upstream.requests).toHaveLength(0);
  });

  it.each(["GET", ...OTHER_METHODS] as const)("%s on an unknown /api path is 404 NotFound", async (method) => {
    const response = fallbackRoute[method]();
    await expectAzureError(response, 404, "NotFound");
  });
});
