import { describe, expect, it } from "vitest";
import type { DevcenterRef, DevopsRef } from "@/lib/azure/operation-ref";
import type { ResponseInfo } from "./fetch-operation";
import { normalizeOperation } from "./normalize";
import { rootCauseLine, rootCauseOf } from "./root-cause";
import { buildSupportReport, type ReportRead, type ReportSources } from "./support-report";
import { reportToMarkdown, reportToText } from "./support-report-render";
import { ROOT_CAUSE_MARK } from "./support-report-tree";

const T0 = Date.UTC(2026, 10, 28, 22, 0, 0);
const devops: DevopsRef = {
  kind: "devops",
  subscriptionId: "7b1e5d2a-3c4f-4e6a-9b8c-1d2e3f4a5b6c",
  resourceGroupName: "rg-支払い",
  securityConnectorName: "conn",
  operationResultId: "8d4caace-e7b3-4b3e-af99-73f76829ebcf",
};
const devcenter: DevcenterRef = { kind: "devcenter", endpointHost: "127.0.0.1:4010", projectName: "demo-project", operationId: "de000007-0000-4000-8000-000000000007" };

/** Six levels of details, Japanese, emoji and Hebrew text, additionalInfo, targets and an innererror chain. */
const DEEP_ERROR = {
  code: "DevOpsConfigurationFailed",
  message: "コネクタを構成できませんでした。",
  target: "conn",
  additionalInfo: [{ type: "SupportInfo", info: { region: "japaneast", 備考: "再試行 🔁" } }],
  details: [
    {
      code: "L1",
      message: "first line\nsecond line",
      details: [
        {
          code: "L2",
          message: "שגיאה ברמה 2",
          details: [{ code: "L3", message: "**bold** `tick` | pipe", details: [{ code: "L4", message: "四", details: [{ code: "L5", message: "五 🔥", target: "projects/レガシー", details: [{ code: "L6", message: "六: 権限がありません 🚫", target: "projects/最深" }] }] }] }],
        },
      ],
    },
    { code: "Sibling", message: "after the deep branch", innererror: { code: "InnerA", innererror: { code: "InnerB" } } },
  ],
};

const response = (at: number, ids: Partial<ResponseInfo> = {}): ResponseInfo => ({
  httpStatus: 200,
  at,
  errorCode: undefined,
  requestId: "req-last",
  correlationId: "corr-last",
  clientRequestId: "client-last",
  latencyMs: 40,
  retryAfterMs: undefined,
  remainingReads: undefined,
  body: {},
  ...ids,
});

function sources(body: Record<string, unknown>, kind: "devops" | "devcenter" = "devops", history?: ReportRead[]): ReportSources {
  const at = T0 + 60_000;
  return {
    operation: normalizeOperation(kind, body),
    lastResponse: response(at),
    lastReadError: undefined,
    history: history ?? [{ at, outcome: "status", requestId: "req-last", correlationId: "corr-last", clientRequestId: "client-last" }],
  };
}

const failedBody = {
  name: devops.operationResultId,
  status: "Failed",
  startTime: "2026-11-28T22:00:00Z",
  endTime: "2026-11-28T22:02:05Z",
  percentComplete: 65,
  error: DEEP_ERROR,
};

const textOf = (snapshot: ReportSources | undefined, label?: string) =>
  reportToText(buildSupportReport({ ref: devops, label, snapshot, now: T0 + 120_000 }));
const markdownOf = (snapshot: ReportSources | undefined, label?: string) =>
  reportToMarkdown(buildSupportReport({ ref: devops, label, snapshot, now: T0 + 120_000 }));

/** The lines of one section of the text report, between its underline and the next blank line. */
function textSection(text: string, heading: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(heading);
  expect(start, `section ${heading}`).toBeGreaterThan(-1);
  const end = lines.indexOf("", start + 2);
  return lines.slice(start + 2, end < 0 ? undefined : end);
}

const TREE = [
  "- DevOpsConfigurationFailed: コネクタを構成できませんでした。",
  "  target: conn",
  '  additionalInfo SupportInfo: {"region":"japaneast","備考":"再試行 🔁"}',
  "  - L1: first line",
  "    second line",
  "    - L2: שגיאה ברמה 2",
  "      - L3: **bold** `tick` | pipe",
  "        - L4: 四",
  "          - L5: 五 🔥",
  "            target: projects/レガシー",
  "            - L6: 六: 権限がありません 🚫  ← root cause",
  "              target: projects/最深",
  "  - Sibling: after the deep branch",
  "    innererror: InnerA",
  "      innererror: InnerB",
];

describe("buildSupportReport as text", () => {
  it("writes a deep error tree line by line, non-ASCII text intact, the root cause first and marked", () => {
    const text = textOf(sources(failedBody), "夜間ロールアウト 🌙");
    expect(textSection(text, "Root cause")).toEqual(["L6: 六: 権限がありません 🚫"]);
    expect(textSection(text, "Error tree")).toEqual(TREE);
    expect(text.split("\n")[0]).toBe("Support report: 夜間ロールアウト 🌙");
  });

  it("names the operation with every id, the Azure URL and its times", () => {
    const text = textOf(sources(failedBody), "label");
    expect(textSection(text, "Operation")).toEqual([
      "Kind: devops (Microsoft.Security DevOps Operation Results - Get, api-version 2024-04-01)",
      "Label: label",
      "Name: conn in rg-支払い",
      `subscriptionId: ${devops.subscriptionId}`,
      "resourceGroupName: rg-支払い",
      "securityConnectorName: conn",
      `operationResultId: ${devops.operationResultId}`,
      `name (from the response): ${devops.operationResultId}`,
      `Azure URL: GET https://management.azure.com/subscriptions/${devops.subscriptionId}/resourceGroups/rg-%E6%94%AF%E6%89%95%E3%81%84/providers/Microsoft.Security/securityConnectors/conn/devops/default/operationResults/${devops.operationResultId}?api-version=2024-04-01`,
    ]);
    expect(textSection(text, "Status")).toEqual([
      "Status: Failed",
      "Category: Failed",
      "Progress: 65%",
      "Started: 2026-11-28T22:00:00.000Z",
      "Ended: 2026-11-28T22:02:05.000Z",
      "Duration: 2 min 05 s (125 s)",
    ]);
  });

  it("uses the dashboard's root cause, a failed child's included", () => {
    const body = {
      status: "Failed",
      error: { code: "ChildFailed", message: "One child operation failed." },
      operations: [
        { name: "prepare", status: "Succeeded" },
        { name: "install-app", status: "Failed", error: { code: "GitHubAppNotInstalled", message: "Not installed.", target: "orgs/contoso" } },
      ],
    };
    const snapshot = sources(body);
    const cause = rootCauseOf(snapshot.operation ?? { error: undefined, children: [] });
    expect(cause).toBeDefined();
    const text = textOf(snapshot);
    expect(textSection(text, "Root cause")).toEqual([rootCauseLine(cause ?? { code: "", message: "", child: undefined })]);
    expect(textSection(text, "Root cause")).toEqual(["GitHubAppNotInstalled: Not installed. (in child operation install-app)"]);
    expect(textSection(text, "Error tree")).toEqual([
      "- ChildFailed: One child operation failed.",
      "- child operation install-app (Failed)",
      "  - GitHubAppNotInstalled: Not installed.  ← root cause",
      "    target: orgs/contoso",
    ]);
    expect(textSection(text, "Child operations")).toEqual([
      "- prepare · Succeeded (Succeeded)",
      "- install-app · Failed (Failed) · root cause GitHubAppNotInstalled: Not installed.",
    ]);
  });

  it("lists the ids of the last five reads, newest first", () => {
    const reads: ReportRead[] = Array.from({ length: 7 }, (_, i) => ({
      at: T0 + i * 1000,
      outcome: i === 5 ? "readError" : "status",
      httpStatus: i === 5 ? 503 : undefined,
      errorCode: i === 5 ? "ServiceUnavailable" : undefined,
      requestId: `req-${i}`,
      correlationId: `corr-${i}`,
      clientRequestId: `client-${i}`,
    }));
    const snapshot = { ...sources(failedBody, "devops", reads), lastResponse: response(T0 + 6000, { requestId: "req-6" }) };
    const lines = textSection(textOf(snapshot), "Request ids of the last responses (newest first)");
    expect(lines.slice(0, 5)).toEqual([
      "Time (UTC): 2026-11-28T22:00:06.000Z",
      "HTTP: 200",
      "x-ms-request-id: req-6",
      "x-ms-correlation-request-id: corr-6",
      "x-ms-client-request-id: client-6",
    ]);
    const text = textOf(snapshot);
    expect(text).toContain("HTTP: 503 ServiceUnavailable");
    // Reads 6, 4, 3 and 2 were answered 200 (a status read's record keeps its status only when it was not 200).
    expect(text.match(/^HTTP: 200$/gm)).toHaveLength(4);
    expect(text).toContain("req-2");
    expect(text).not.toContain("req-1");
  });

  it("reports an operation not read yet, and the latest read's failure", () => {
    const readError = {
      httpStatus: 403,
      responseStatus: 403,
      code: "AuthorizationFailed",
      message: "The client has no authorization to read this.",
      retryAfterMs: undefined,
      requestId: "r",
      correlationId: "c",
      clientRequestId: "cl",
      errorTree: normalizeOperation("devops", { error: { code: "AuthorizationFailed", message: "no" } }).error,
      signInNeeded: false,
      at: T0,
    };
    const text = textOf({ operation: undefined, lastResponse: undefined, lastReadError: readError, history: [] });
    expect(textSection(text, "Status")).toEqual(["Status: not read yet"]);
    expect(textSection(text, "The latest read failed")).toEqual([
      "AuthorizationFailed: The client has no authorization to read this.",
      "  at 2026-11-28T22:00:00.000Z, HTTP 403",
      "  - AuthorizationFailed: no",
    ]);
    expect(textSection(text, "Request ids of the last responses (newest first)")).toEqual(["No response has been read yet."]);
  });

  it("reports a succeeded DevCenter operation on the endpoint's own origin", () => {
    const body = { name: devcenter.operationId, status: "Succeeded", startTime: "2026-11-28T22:00:00Z", endTime: "2026-11-28T22:00:20Z", resourceId: "/x/y" };
    const report = buildSupportReport({ ref: devcenter, label: undefined, snapshot: sources(body, "devcenter"), now: T0, devcenterOrigin: "http://127.0.0.1:4010" });
    const text = reportToText(report);
    expect(text).toContain(`Azure URL: GET http://127.0.0.1:4010/projects/demo-project/operationstatuses/${devcenter.operationId}?api-version=2025-02-01`);
    expect(text).not.toContain("Root cause");
    expect(text).toContain("Duration: 20 s");
    const byDefault = reportToText(buildSupportReport({ ref: devcenter, label: undefined, snapshot: undefined, now: T0 }));
    expect(byDefault).toContain("GET https://127.0.0.1:4010/projects/");
  });

  it("carries no query but api-version in the Azure URL", () => {
    const text = textOf(sources(failedBody));
    const url = new URL((/Azure URL: GET (\S+)/.exec(text) ?? [])[1] ?? "");
    expect([...url.searchParams.keys()]).toEqual(["api-version"]);
  });
});

describe("buildSupportReport as Markdown", () => {
  it("keeps the tree in a fence that Azure's backticks cannot close, and ids in code", () => {
    const markdown = markdownOf(sources(failedBody));
    const lines = markdown.split("\n");
    const start = lines.indexOf("## Error tree");
    expect(lines.slice(start + 2, start + 3 + TREE.length + 1)).toEqual(["```text", ...TREE, "```"]);
    expect(markdown).toContain(`- **subscriptionId:** \`${devops.subscriptionId}\``);
    expect(markdown).toContain("- **Status:** `Failed`");
    expect(markdown).toContain("| `2026-11-28T22:01:00.000Z` | `200` | `req-last` | `corr-last` | `client-last` |");
  });

  it("escapes Markdown in prose and pipes in table cells", () => {
    const snapshot = sources({ status: "Running" }, "devops", [{ at: T0, outcome: "status", requestId: "a|b", clientRequestId: "x`y" }]);
    const markdown = markdownOf(snapshot, "*urgent* [link](http://x) <b>");
    expect(markdown.split("\n")[0]).toBe("# Support report: \\*urgent\\* \\[link\\](http://x) \\<b\\>");
    const fencedBody = sources({ status: "Failed", error: { code: "Fence", message: "```\n# not a heading\n````" } });
    const fenced = markdownOf(fencedBody).split("\n");
    const start = fenced.indexOf("## Error tree");
    expect(fenced.slice(start + 2, start + 7)).toEqual(["`````text", "- Fence: ```  ← root cause", "  # not a heading", "  ````", "`````"]);
    expect(markdown).toContain("| `a\\|b` | — | ``x`y`` |");
  });
});

describe("bounds", () => {
  it("keeps a 10,000-node tree to a few hundred lines that say what was left out", () => {
    const wide = { code: "Root", message: "many", details: Array.from({ length: 100 }, (_, i) => ({ code: `D${i}`, message: "m".repeat(50), details: Array.from({ length: 99 }, (_, j) => ({ code: `D${i}.${j}`, message: "n" })) })) };
    const text = textOf(sources({ status: "Failed", error: wide }));
    expect(text.length).toBeLessThan(60_000);
    const tree = textSection(text, "Error tree");
    expect(tree.length).toBeLessThanOrEqual(200);
    // The root and D0 with its 99 details, then D1 and 48 of its: 150 errors; 51 of D1's and all of D2…D99's are left.
    expect(tree).toContain("    - … 51 more errors (the report's size limit)");
    expect(tree.at(-1)).toBe("  - … 9800 more errors (the report's size limit)");
  });

  it("cuts a tree deeper than 16 levels with a count of what lies below", () => {
    let error: Record<string, unknown> = { code: "Leaf", message: "bottom" };
    for (let i = 40; i >= 0; i--) error = { code: `E${i}`, message: "level", details: [error] };
    const tree = textSection(textOf(sources({ status: "Failed", error })), "Error tree");
    expect(tree).toHaveLength(18);
    expect(tree.at(-1)).toBe(`${"  ".repeat(16)}  … 25 more errors below (deeper than 16 levels)`);
  });

  it("cuts long messages and many additionalInfo entries without splitting an emoji", () => {
    const error = {
      code: "Big",
      message: "🔥".repeat(3_000),
      additionalInfo: Array.from({ length: 12 }, (_, i) => ({ type: `T${i}`, info: { blob: "x".repeat(2_000) } })),
    };
    const tree = textSection(textOf(sources({ status: "Failed", error })), "Error tree");
    expect(tree[0]).toBe(`- Big: ${"🔥".repeat(1_000)}… (2000 more characters)${ROOT_CAUSE_MARK}`);
    expect(tree).toContain("  … 2 more additionalInfo entries");
    expect(tree.every((line) => line.length < 2_600)).toBe(true);
  });
});
