import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ErrorNode } from "@/lib/operations/model";
import { sampleOperation } from "@/lib/dev/test-support/operation-fixtures";
import { RowRootCause } from "./row-root-cause";

const node = (code: string, message: string, details: ErrorNode[] = []): ErrorNode => ({
  code,
  message,
  target: undefined,
  details,
  additionalInfo: [],
  innerErrors: [],
});

describe("RowRootCause", () => {
  it("shows the innermost error, with the top one in the tooltip", () => {
    const error = node("DevOpsConfigurationFailed", "The DevOps connector could not be configured.", [
      node("OrganizationOnboardingFailed", "Onboarding failed.", [node("PermissionDenied", "The identity lacks 'Project Collection Administrator'.")]),
    ]);
    const html = renderToStaticMarkup(<RowRootCause operation={sampleOperation({ category: "failed", error })} />);
    expect(html).toContain('data-testid="root-cause"');
    // The code wraps between its words on a narrow screen.
    expect(html).toContain(">Permission<wbr/>Denied</span>");
    expect(html).toContain("lacks &#x27;Project Collection Administrator&#x27;");
    expect(html).toContain("Under: DevOpsConfigurationFailed");
  });

  it("says which child operation the cause came from", () => {
    const child = sampleOperation({ name: "github-app", category: "failed", error: node("GitHubAppNotInstalled", "Install the app.") });
    const html = renderToStaticMarkup(
      <RowRootCause operation={sampleOperation({ category: "failed", error: node("ChildFailed", "One child operation failed."), children: [child] })} />,
    );
    expect(html).toContain("GitHubAppNotInstalled");
    expect(html).toContain("(in child operation github-app)");
  });

  it("renders nothing without an error, or before the operation failed", () => {
    expect(renderToStaticMarkup(<RowRootCause operation={sampleOperation({ category: "failed" })} />)).toBe("");
    expect(renderToStaticMarkup(<RowRootCause operation={sampleOperation({ category: "running", error: node("Transient", "Retrying.") })} />)).toBe("");
    expect(renderToStaticMarkup(<RowRootCause operation={undefined} />)).toBe("");
  });
});
