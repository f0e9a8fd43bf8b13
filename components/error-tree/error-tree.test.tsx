import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ErrorNode } from "@/lib/operations/model";
import { ErrorTree } from "./error-tree";

const node = (code: string, message: string, details: ErrorNode[] = []): ErrorNode => ({
  code,
  message,
  target: undefined,
  details,
  additionalInfo: [],
  innerErrors: [],
});

describe("ErrorTree markup", () => {
  it("is a WAI-ARIA tree with one tab stop, and mounts only the open levels", () => {
    const error = node("Outer", "outer failed", [node("Child", "child failed", [node("Grandchild", "deep")])]);
    const html = renderToStaticMarkup(<ErrorTree error={error} />);
    expect(html).toContain('role="tree"');
    expect(html.match(/role="treeitem"/g)).toHaveLength(2);
    expect(html).toContain('aria-level="1"');
    expect(html).toContain('aria-level="2"');
    expect(html).not.toContain("Grandchild");
    expect(html.match(/tabindex="0"/g)).toHaveLength(2); // the focused item and its copy button
    expect(html).toContain('aria-expanded="true"');
  });

  it("renders Azure's text as text, never as markup", () => {
    const html = renderToStaticMarkup(<ErrorTree error={node("<b>x</b>", '<img src=x onerror="alert(1)">')} />);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("opens a 1,000-node error with only its first level mounted", () => {
    const wide = node("Root", "many", Array.from({ length: 40 }, (_, i) => node(`D${i}`, "m", Array.from({ length: 24 }, (_, j) => node(`D${i}.${j}`, "n")))));
    const html = renderToStaticMarkup(<ErrorTree error={wide} />);
    expect(html).toContain("1001 nodes");
    expect(html.match(/role="treeitem"/g)).toHaveLength(41);
  });
});
