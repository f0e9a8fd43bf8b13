import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { test as bareTest, type APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { watchCspViolations, type CspViolation } from "./fixtures/csp-violations";
import type { CreatedScenario, ScenarioInput } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";

/**
 * The headers as the production server sends them, and the paths refused before any route: checked over real HTTP.
 * Paths that a URL parser would tidy up are sent byte for byte with node:http, as a hostile client would send them.
 * What is checked here is what anyone gets, signed in or not.
 */

test.use({ signedIn: false });

const running: ScenarioInput = {
  kind: "devops",
  label: "security test",
  steps: [{ afterMs: 0, status: 200, body: { status: "InProgress", percentComplete: 10 } }],
};

/** Shaped like a JWT, so that the proxy itself would pass it on; the simulator refuses it as Azure would. */
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const FAKE_BEARER = `Bearer ${b64url({ alg: "RS256", typ: "JWT" })}.${b64url({ sub: "e2e" })}.${Buffer.from("signature").toString("base64url")}`;

const app = new URL(E2E.appOrigin);

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A GET with the path exactly as written (no dot-segment, slash or backslash clean-up on our side). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: "127.0.0.1", port: app.port, path, method: "GET", headers: { Host: app.host, ...headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    sent.on("error", reject);
    sent.end();
  });
}

/** A policy as directive name → sources. */
function directives(policy: string | undefined): Map<string, string[]> {
  return new Map(
    (policy ?? "").split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

function nonceOf(policy: string | undefined): string {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];
  expect(nonce, `a nonce in ${policy ?? "(no policy)"}`).toBeDefined();
  return nonce ?? "";
}

/** Every <script> of the page carries the response's nonce (the inline ones Next writes as well as its bundles). */
function expectScriptsNonced(html: string, nonce: string) {
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
}

async function pageAnswer(response: APIResponse) {
  const headers = response.headers();
  const policy = headers["content-security-policy"];
  return { headers, policy, csp: directives(policy), nonce: nonceOf(policy), html: await response.text() };
}

test.describe("headers as served", () => {
  test("a page: a strict CSP with a fresh nonce on every response and every script, COOP, Permissions-Policy, no HSTS over http", async ({
    request,
  }) => {
    const [first, second] = await Promise.all([request.get("/"), request.get("/")]);
    const one = await pageAnswer(first);
    const two = await pageAnswer(second);
    expect(one.nonce).not.toBe(two.nonce);
    expectScriptsNonced(one.html, one.nonce);
    expectScriptsNonced(two.html, two.nonce);

    const { csp, headers } = one;
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${one.nonce}'`, "'strict-dynamic'"]);
    expect(one.policy).not.toContain("'unsafe-eval'");
    expect(csp.get("connect-src"), "the app and the sign-in server only").toEqual(["'self'", new URL(E2E.issuer).origin]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);

    expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]) {
      expect(headers["permissions-policy"]).toContain(`${feature}=()`);
    }
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  test("every page names its icon, which the app serves", async ({ page }) => {
    for (const path of ["/", "/no-such-page", "/op/devops/not-a-guid"]) {
      await page.goto(path);
      const link = page.locator('head link[rel="icon"]').first();
      await expect(link, `${path} names its icon`).toHaveAttribute("href", /^\//);
      const href = (await link.getAttribute("href")) ?? "";
      const icon = await page.request.get(href);
      expect(icon.status(), `${path}: ${href}`).toBe(200);
      expect(icon.headers()["content-type"], href).toMatch(/^image\//);
    }
  });

  test("every page renders with its nonce: a permalink, the redirect bridge (without COOP) and the not-found page", async ({ request, sim }) => {
    const scenario = await sim.create(running);
    for (const [path, status, coop] of [
      [scenario.permalink, 200, "same-origin"],
      ["/redirect-bridge", 200, undefined],
      ["/no-such-page", 404, "same-origin"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      const { nonce, html, headers } = await pageAnswer(response);
      expectScriptsNonced(html, nonce);
      expect(headers["cross-origin-opener-policy"], path).toBe(coop);
    }
  });

  test("behind a TLS front end (X-Forwarded-Proto: https): HSTS on pages and /api, and subresources upgraded", async ({ request }) => {
    const page = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
    expect(page.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directives(page.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
    const api = await request.get("/api/health", { headers: { "X-Forwarded-Proto": "https" } });
    expect(api.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("an /api answer is JSON that can load, run and frame nothing, whoever answers it", async ({ request }) => {
    for (const [path, status] of [
      ["/api/health", 200],
      ["/api/no-such-route", 404],
      ["/api/devops/00000000-0000-0000-0000-000000000000/rg-1/connector-1/5c7d4e8f-1a2b-4c3d-9e8f-0a1b2c3d4e5f", 401],
      ["/api/devops/%E0%A4%A/rg/connector/operation", 400],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(status);
      const headers = response.headers();
      expect(headers["content-type"], path).toMatch(/^application\/json/);
      expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
  });
});

test.describe("paths answered before any route", () => {
  /** Nothing for this scenario reached the simulator; then the same token on its own path does, so that zero means something. */
  async function expectNoUpstreamCall(sim: { requests: (id: string) => Promise<unknown[]> }, scenario: CreatedScenario) {
    expect(await sim.requests(scenario.id)).toEqual([]);
    const control = await rawGet(scenario.proxyPath, { Authorization: FAKE_BEARER });
    expect(control.status, "the simulator refuses the fake token, as Azure would").toBe(401);
    expect(await sim.requests(scenario.id)).toHaveLength(1);
  }

  test("broken percent-encoding under /api: 400 InvalidParameter in Azure's shape, nothing sent upstream", async ({ sim }) => {
    const scenario = await sim.create(running);
    const [, , , subscription = "", , , operation = ""] = scenario.proxyPath.split("/");
    for (const broken of ["%E0%A4%A", "%ZZ", "rg%"]) {
      const answer = await rawGet(`/api/devops/${subscription}/${broken}/connector/${operation}`, { Authorization: FAKE_BEARER });
      expect(answer.status, broken).toBe(400);
      expect(answer.headers["content-type"]).toMatch(/^application\/json/);
      expect(answer.headers["x-ms-error-code"]).toBe("InvalidParameter");
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: "InvalidParameter", message: expect.stringContaining("'resourceGroupName'") as unknown },
      });
    }
    await expectNoUpstreamCall(sim, scenario);
  });

  test("repeated slashes and backslashes: Next's own 308 to a path on our origin, and nothing sent upstream", async ({ sim }) => {
    const scenario = await sim.create(running);
    const path = scenario.proxyPath;
    const cases = [
      path.replace("/api/devops/", "/api/devops//"),
      path.replace("/api/", "/api//"),
      path.replaceAll("/", "\\").replace("\\", "/"),
      `${path}/`,
      "//evil.example/api/health",
      "/\\evil.example/api/health",
      "/api/\\\\evil.example/x",
    ];
    for (const sent of cases) {
      for (const host of [app.host, "evil.example"]) {
        const answer = await rawGet(sent, { Authorization: FAKE_BEARER, Host: host });
        expect(answer.status, sent).toBe(308);
        const location = answer.headers.location ?? "";
        expect(location, `${sent} with Host ${host}`).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, E2E.appOrigin).origin).toBe(E2E.appOrigin);
      }
    }
    await expectNoUpstreamCall(sim, scenario);
  });

  test("dot segments, raw or %2e-encoded, are resolved by the URL standard before any code of ours sees the path", async () => {
    for (const sent of ["/api/devops/../health", "/api/devops/%2e%2e/health", "/api/devops/.%2E/health", "/api/./health"]) {
      const answer = await rawGet(sent);
      expect(answer.status, sent).toBe(200);
      expect(JSON.parse(answer.body), sent).toEqual({ status: "ok" });
    }
    // Above /api, the path leaves the API: a page's not-found, never a file or an upstream.
    const escaped = await rawGet("/api/../../etc/passwd");
    expect(escaped.status).toBe(404);
    expect(escaped.headers["content-type"]).toMatch(/^text\/html/);
  });
});

bareTest("the violation counter sees injected markup blocked, so its zero in every other test means something", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const seen: CspViolation[] = [];
    await watchCspViolations(context, seen);
    const page = await context.newPage();
    await page.goto(`${E2E.appOrigin}/redirect-bridge`);
    // What an HTML injection would try: an inline handler, and a beacon to a foreign host.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/no-such-image" onerror="window.__injected = true">');
      document.body.insertAdjacentHTML("beforeend", '<img alt="" src="https://collector.example/pixel.png">');
    });
    await expect.poll(() => seen.map((v) => v.effectiveDirective).sort()).toEqual(["img-src", "script-src-attr"]);
    expect(seen.every((v) => v.documentURI === `${E2E.appOrigin}/redirect-bridge`)).toBe(true);
    expect(await page.evaluate(() => "__injected" in window)).toBe(false);
  } finally {
    await context.close();
  }
});
