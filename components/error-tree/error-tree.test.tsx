import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ErrorNode } from "@/lib/operations/model";
import { normalizeOperation } from "@/lib/operations/normalize";
import { ErrorTree } from "./error-tree";

const node = (code: string, message: string, details: ErrorNode[] = [], target?: string): ErrorNode => ({
  code,
  message,
  target,
  details,
  additionalInfo: [],
  innerErrors: [],
});

const items = (html: string) => html.match(/role="treeitem"/g) ?? [];
/** The markup without the word breaks that codes carry (<wbr>), which add no character. */
const unbroken = (html: string) => html.replaceAll("<wbr/>", "");

describe("ErrorTree markup", () => {
  it("is a WAI-ARIA tree with one tab stop, mounting only the levels on the way to the root cause", () => {
    const error = node("Outer", "outer failed", [node("Child", "child failed", [node("Grandchild", "deep")]), node("Sibling", "s", [node("Hidden", "h")])]);
    const html = renderToStaticMarkup(<ErrorTree error={error} />);
    expect(html).toContain('role="tree"');
    expect(items(html)).toHaveLength(4); // Outer, Child, Grandchild, Sibling; not Hidden
    expect(html).toContain('aria-level="3"');
    expect(html).not.toContain("Hidden");
    expect(html.match(/tabindex="0"/g)).toHaveLength(2); // the focused item and its copy button
  });

  it("gives the tab stop to the root cause and marks it", () => {
    const html = renderToStaticMarkup(<ErrorTree error={node("Outer", "o", [node("Child", "c", [node("Leaf", "l")])])} />);
    const focused = /<li[^>]*tabindex="0"[^>]*>/.exec(html)?.[0] ?? "";
    expect(focused).toContain('data-node-id="e.d0.d0"');
    expect(focused).toContain('data-root-cause="true"');
    expect(html.match(/data-root-cause/g)).toHaveLength(1);
    expect(html).toContain(">root cause<");
  });

  it("does not mark a lone top error", () => {
    expect(renderToStaticMarkup(<ErrorTree error={node("Only", "one")} />)).not.toContain("root cause");
  });

  it("separates code and target with real spaces, so a double-click selects the code alone", () => {
    const html = renderToStaticMarkup(<ErrorTree error={node("OrganizationOnboardingFailed", "m", [], "organizations/contoso")} />);
    expect(unbroken(html)).toMatch(/OrganizationOnboardingFailed<\/span><span[^>]*> · <span[^>]*>target: organizations\/contoso/);
  });

  it("lets a code wrap where its words start, not inside one", () => {
    const html = renderToStaticMarkup(<ErrorTree error={node("OrganizationOnboardingFailed", "m", [{ ...node("Inner", "i"), innerErrors: [{ code: "QuotaExceeded" }] }])} />);
    expect(html).toMatch(/data-testid="error-code"[^>]*>Organization<wbr\/>Onboarding<wbr\/>Failed</);
    expect(html).toContain("Quota<wbr/>Exceeded");
  });

  it("brings a failed child operation's error into the tree, opened along the way to it", () => {
    const parent = normalizeOperation("devops", {
      status: "Failed",
      error: { code: "ChildFailed", message: "One child operation failed." },
      operations: [{ name: "install-app", status: "Failed", error: { code: "GitHubAppNotInstalled", message: "Install the app." } }],
    });
    const html = renderToStaticMarkup(<ErrorTree error={parent.error} childOperations={parent.children} />);
    expect(html).toContain("install-app");
    expect(html).toContain('data-node-kind="childOperation"');
    expect(html).toMatch(/data-node-id="c0.e"[^>]*data-root-cause="true"/);
    expect(unbroken(html)).toContain("GitHubAppNotInstalled");
  });

  it("offers to copy the request, correlation and client request ids", () => {
    const html = renderToStaticMarkup(
      <ErrorTree error={node("A", "a")} ids={{ errorCode: "A", requestId: "req-1", correlationId: "corr-1", clientRequestId: "client-1" }} />,
    );
    expect(html).toContain('aria-label="Copy x-ms-request-id"');
    expect(html).toContain('aria-label="Copy x-ms-correlation-request-id"');
    expect(html).toMatch(/data-testid="response-id-x-ms-client-request-id"[^>]*>client-1</);
    expect(html).toContain('aria-label="Copy x-ms-client-request-id"');
    expect(html).not.toContain('aria-label="Copy x-ms-error-code"');
  });

  it("renders Azure's text as text, never as markup", () => {
    const html = renderToStaticMarkup(<ErrorTree error={node("<b>x</b>", '<img src=x onerror="alert(1)">')} />);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=");
    expect(unbroken(html)).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("opens a 1,000-node error with only the levels on the cause's path mounted", () => {
    const wide = node("Root", "many", Array.from({ length: 40 }, (_, i) => node(`D${i}`, "m", Array.from({ length: 24 }, (_, j) => node(`D${i}.${j}`, "n")))));
    const html = renderToStaticMarkup(<ErrorTree error={wide} />);
    expect(html).toContain("1001 nodes");
    expect(items(html)).toHaveLength(1 + 40 + 24);
  });
});
