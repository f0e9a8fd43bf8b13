import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_SCENARIOS } from "../lib/dev/simulator/demo-scenarios";
import { expect, test } from "./fixtures";
import { expectAxeClean } from "./fixtures/axe";
import { answering, asyncOperationUrl, devcenter, devops, failed, succeeded } from "./fixtures/scenarios";
import type { CreatedScenario, SimulatorClient } from "./fixtures/simulator-client";
import { E2E } from "./fixtures/stack";
import { DashboardPage } from "./pages/dashboard-page";
import { OperationPage } from "./pages/operation-page";
import { markdownBlock, SupportReportPanel, textSection } from "./pages/support-report-panel";
import { expectNoSidewaysScroll } from "./fixtures/layout";

/*
 * The support report of an operation, copied as Markdown and as text. Its contents are checked against what the page
 * and the dashboard show and what the simulator logged; no part of the access token the browser sent, nor of a cookie,
 * may be in it.
 */

/** Planted in the error's words: the report must carry neither. */
const PLANTED_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJwbGFudGVkLXN1YmplY3QtOTk5In0.cGxhbnRlZC1zaWduYXR1cmUtMTIzNDU2Nzg";
const PLANTED_COOKIE = "planted-cookie-value-4711";

/** Five levels under the top error, Japanese, emoji and Hebrew text, targets and additionalInfo. */
const DEEP_ERROR = {
  code: "DeploymentFailed",
  message: "デプロイに失敗しました 🚀",
  target: "demo-connector",
  additionalInfo: [{ type: "PolicyInfo", info: { 地域: "東日本", result: "✅ NonCompliant" } }],
  details: [
    {
      code: "OnboardingFailed",
      message: "組織 'contoso' のオンボーディングに失敗しました。",
      target: "organizations/contoso",
      details: [
        {
          code: "DiscoveryFailed",
          message: "プロジェクトの検出に失敗 🔍",
          target: "organizations/contoso/projects",
          additionalInfo: [{ type: "Counts", info: { total: 14, failed: 2 } }],
          details: [
            {
              code: "RepoScanFailed",
              message: "שגיאה בסריקת המאגר",
              target: "repos/legacy",
              details: [
                {
                  code: "TokenRefused",
                  message: `token ${PLANTED_JWT} refused; Cookie: sid=${PLANTED_COOKIE}`,
                  details: [{ code: "PermissionDenied", message: "権限がありません：'Project Collection Administrator' 🚫", target: "projects/レガシー" }],
                },
              ],
            },
          ],
        },
      ],
    },
    { code: "WebhookSkipped", message: "Webhooks were not registered 🪝" },
  ],
};

/** Codes of the text tree in order, each at its level of indentation. */
const DEEP_TREE: [level: number, code: string][] = [
  [0, "DeploymentFailed"],
  [1, "OnboardingFailed"],
  [2, "DiscoveryFailed"],
  [3, "RepoScanFailed"],
  [4, "TokenRefused"],
  [5, "PermissionDenied"],
  [1, "WebhookSkipped"],
];

function deepDevopsFailure(sim: SimulatorClient): Promise<CreatedScenario> {
  return sim.create(
    devops(answering(failed(DEEP_ERROR, { endTime: "{{start+95s}}", percentComplete: 65 })), {
      ids: { resourceGroupName: "rg-support", securityConnectorName: "conn-support" },
    }),
  );
}

/** The demo's DevCenter failure with its innererror chain, already failed. */
function devcenterFailure(sim: SimulatorClient): Promise<CreatedScenario> {
  const demo = DEMO_SCENARIOS.find((s) => s.label?.startsWith("DevCenter Failed with an innererror chain"));
  const last = demo?.steps.at(-1);
  if (!demo || !last) throw new Error("the demo's DevCenter failure is gone");
  const body = { ...(last.body as Record<string, unknown>), id: undefined, name: undefined };
  return sim.create(devcenter(answering(body)));
}

/** Every Authorization header the page sent to the app's /api proxy. */
function captureTokens(page: Page): string[] {
  const tokens: string[] = [];
  page.on("request", (request) => {
    if (!new URL(request.url()).pathname.startsWith("/api/")) return;
    const authorization = request.headers().authorization;
    if (authorization) tokens.push(authorization.replace(/^Bearer\s+/i, ""));
  });
  return tokens;
}

async function expectNoSecrets(report: string, tokens: readonly string[], context: BrowserContext): Promise<void> {
  expect(tokens.length, "the page sent a token").toBeGreaterThan(0);
  for (const token of tokens) {
    expect(report).not.toContain(token);
    for (const part of token.split(".").filter((p) => p.length >= 8)) expect(report).not.toContain(part);
  }
  for (const cookie of await context.cookies()) {
    if (cookie.value.length >= 6) expect(report, `cookie ${cookie.name}`).not.toContain(cookie.value);
  }
  for (const part of [...PLANTED_JWT.split(".").slice(1), PLANTED_COOKIE]) expect(report).not.toContain(part);
}

/** Each code at its indentation, in order, among the tree's lines. */
function expectCodesInOrder(tree: readonly string[], codes: readonly [number, string][]): void {
  let from = 0;
  for (const [level, code] of codes) {
    const prefix = `${"  ".repeat(level)}- ${code}:`;
    const at = tree.findIndex((line, i) => i >= from && line.startsWith(prefix));
    expect(at, `"${prefix}" after line ${from} of\n${tree.join("\n")}`).toBeGreaterThanOrEqual(from);
    from = at + 1;
  }
}

test.describe("support report", () => {
  test("a deep devops failure and a DevCenter innererror failure: both forms hold what the page and Azure know, and no secret", async ({
    page,
    context,
    sim,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.appOrigin });
    const tokens = captureTokens(page);
    const devopsOp = await deepDevopsFailure(sim);
    const devcenterOp = await devcenterFailure(sim);
    const dashboard = new DashboardPage(page);
    await page.goto("/");
    for (const scenario of [devopsOp, devcenterOp]) await dashboard.watch(scenario);
    await expect(dashboard.rootCause(devopsOp.permalink)).toContainText("PermissionDenied", { timeout: 45_000 });
    await expect(dashboard.rootCause(devcenterOp.permalink)).toContainText("ResourceDeploymentFailure", { timeout: 45_000 });
    const rowCause = {
      devops: (await dashboard.rootCause(devopsOp.permalink).textContent()) ?? "",
      devcenter: (await dashboard.rootCause(devcenterOp.permalink).textContent()) ?? "",
    };

    const op = new OperationPage(page);
    const panel = new SupportReportPanel(page);

    // The deep devops failure.
    await op.goto(devopsOp.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
    await expect(panel.responseId("x-ms-client-request-id")).toBeVisible();
    const shown = {
      requestId: (await panel.responseId("x-ms-request-id").textContent()) ?? "",
      correlationId: (await panel.responseId("x-ms-correlation-request-id").textContent()) ?? "",
      clientRequestId: (await panel.responseId("x-ms-client-request-id").textContent()) ?? "",
    };
    const markdown = await panel.copy("Markdown");
    const text = await panel.copy("text");

    const ref = devopsOp.ref;
    const azureUrl = `GET ${asyncOperationUrl(devopsOp)}`;
    const operation = textSection(text, "Operation");
    expect(operation[0]).toBe("Kind: devops (Microsoft.Security DevOps Operation Results - Get, api-version 2024-04-01)");
    expect(operation).toEqual(
      expect.arrayContaining([`subscriptionId: ${ref.subscriptionId}`, "resourceGroupName: rg-support", "securityConnectorName: conn-support", `operationResultId: ${ref.operationResultId}`, `Azure URL: ${azureUrl}`]),
    );
    const status = textSection(text, "Status");
    expect(status.slice(0, 3)).toEqual(["Status: Failed", "Category: Failed", "Progress: 65%"]);
    expect(status[3]).toMatch(/^Started: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(status[4]).toMatch(/^Ended: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(status[5]).toBe("Duration: 1 min 35 s (95 s)");

    expect(textSection(text, "Root cause")).toEqual([rowCause.devops]);
    expect(markdownBlock(markdown, "Root cause")).toEqual([rowCause.devops]);
    const tree = textSection(text, "Error tree");
    expect(markdownBlock(markdown, "Error tree")).toEqual(tree);
    expectCodesInOrder(tree, DEEP_TREE);
    expect(tree).toContain("- DeploymentFailed: デプロイに失敗しました 🚀");
    expect(tree).toContain('  additionalInfo PolicyInfo: {"地域":"東日本","result":"✅ NonCompliant"}');
    expect(tree).toContain("      - RepoScanFailed: שגיאה בסריקת המאגר");
    expect(tree).toContain("          - PermissionDenied: 権限がありません：'Project Collection Administrator' 🚫  ← root cause");
    expect(tree).toContain("            target: projects/レガシー");
    expect(tree).toContain("        - TokenRefused: token [redacted] refused; Cookie: [redacted]");

    const reads = textSection(text, "Request ids of the last responses (newest first)");
    expect(reads.slice(1, 5)).toEqual([
      "HTTP: 200",
      `x-ms-request-id: ${shown.requestId}`,
      `x-ms-correlation-request-id: ${shown.correlationId}`,
      `x-ms-client-request-id: ${shown.clientRequestId}`,
    ]);
    expect(markdown).toContain(`| \`200\` | \`${shown.requestId}\` | \`${shown.correlationId}\` | \`${shown.clientRequestId}\` |`);
    const logged = (await sim.requests(devopsOp.id)).map((r) => r.headers["x-ms-client-request-id"]);
    expect(logged, "the simulator logged the read the report quotes").toContain(shown.clientRequestId);
    for (const report of [markdown, text]) await expectNoSecrets(report, tokens, context);
    await expectAxeClean(page);

    // The DevCenter failure with an innererror chain.
    await op.goto(devcenterOp.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "failed");
    await expect(panel.responseId("x-ms-client-request-id")).toBeVisible();
    const devcenterClientId = (await panel.responseId("x-ms-client-request-id").textContent()) ?? "";
    const devcenterText = await panel.copy("text");
    const dc = devcenterOp.ref;
    expect(textSection(devcenterText, "Operation")).toEqual(
      expect.arrayContaining([
        `endpointHost: ${dc.endpointHost}`,
        `projectName: ${dc.projectName}`,
        `operationId: ${dc.operationId}`,
        `Azure URL: GET ${E2E.simulatorOrigin}/projects/${dc.projectName}/operationstatuses/${dc.operationId}?api-version=2025-02-01`,
      ]),
    );
    expect(textSection(devcenterText, "Root cause")).toEqual([rowCause.devcenter]);
    expect(textSection(devcenterText, "Error tree")).toEqual([
      "- EnvironmentDeploymentFailed: The environment 'feature-login' could not be deployed.",
      "  target: environments/feature-login",
      "  innererror: ArmDeploymentFailed",
      "    innererror: QuotaExceeded",
      "      innererror: AppServicePlanCapacityReached",
      "  - ResourceDeploymentFailure: Resource 'Microsoft.Web/sites/feature-login-app' failed: the plan 'shared-plan' is at capacity.  ← root cause",
      "    target: Microsoft.Web/sites/feature-login-app",
      "  - DeploymentCanceled: Resource 'Microsoft.Sql/servers/feature-login-sql' was canceled after a sibling failed.",
      "    target: Microsoft.Sql/servers/feature-login-sql",
    ]);
    expect(devcenterText).toContain(`x-ms-client-request-id: ${devcenterClientId}`);
    expect((await sim.requests(devcenterOp.id)).map((r) => r.headers["x-ms-client-request-id"])).toContain(devcenterClientId);
    await expectNoSecrets(devcenterText, tokens, context);
  });

  test("a succeeded operation's report; a refused clipboard shows the report to copy by hand", async ({ page, context, sim }) => {
    // Both ways to the clipboard refuse, as on plain http or under a permissions policy.
    await context.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("refused")) } });
      // The app's fallback path (components/ui/clipboard.ts) is refused too.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      document.execCommand = () => false;
    });
    const tokens = captureTokens(page);
    const scenario = await sim.create(
      devops(
        answering({
          ...succeeded,
          endTime: "{{start+20s}}",
          operations: [{ name: "prepare-connector", status: "Succeeded", startTime: "{{start}}", endTime: "{{start+5s}}" }],
        }),
      ),
    );
    const op = new OperationPage(page);
    const panel = new SupportReportPanel(page);
    await op.goto(scenario.permalink);
    await expect(op.statusBadge).toHaveAttribute("data-status-category", "succeeded");

    await panel.textButton.click();
    await expect(panel.status).toHaveText("The browser refused the clipboard: copy the report below.");
    await expect(panel.fallback).toBeVisible();
    const text = await panel.fallback.inputValue();
    expect(textSection(text, "Status").slice(0, 3)).toEqual(["Status: Succeeded", "Category: Succeeded", "Progress: 100%"]);
    expect(textSection(text, "Status")).toContain("Duration: 20 s");
    expect(text).not.toContain("Root cause");
    expect(text).not.toContain("Error tree");
    expect(textSection(text, "Child operations")[0]).toMatch(/^- prepare-connector · Succeeded \(Succeeded\) · .* \(5 s\)$/);
    expect(text).toContain(`operationResultId: ${scenario.ref.operationResultId}`);
    const reads = textSection(text, "Request ids of the last responses (newest first)");
    const clientId = /^x-ms-client-request-id: (.+)$/.exec(reads[4] ?? "")?.[1];
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await sim.requests(scenario.id)).map((r) => r.headers["x-ms-client-request-id"])).toContain(clientId);

    await panel.markdownButton.click();
    await expect(panel.fallback).toHaveValue(/^# Support report: /);
    await expectNoSecrets(await panel.fallback.inputValue(), tokens, context);
    await expectAxeClean(page);

    // On a phone the controls and the report to copy by hand fit the width: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(panel.fallback).toBeVisible();
    await expectNoSidewaysScroll(page);
    const buttons = [await panel.markdownButton.boundingBox(), await panel.textButton.boundingBox()];
    for (const box of buttons) expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
  });
});
