import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";

describe("ProgressBar", () => {
  it("announces a known percent", () => {
    const html = renderToStaticMarkup(<ProgressBar percent={42} category="running" label="Progress of x" />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="42"');
    expect(html).toContain("width:42%");
  });

  it("is indeterminate, with no number, when the percent is unknown", () => {
    const html = renderToStaticMarkup(<ProgressBar percent={undefined} category="running" label="Progress of x" />);
    expect(html).toContain('role="progressbar"');
    expect(html).not.toContain("aria-valuenow");
    expect(html).toContain('data-indeterminate="true"');
  });
});

describe("StatusBadge", () => {
  it("shows the status verbatim with its category", () => {
    const html = renderToStaticMarkup(<StatusBadge category="running" status="Canceling" />);
    expect(html).toContain('data-status-category="running"');
    expect(html).toContain("Canceling");
  });

  it("survives a null status", () => {
    const html = renderToStaticMarkup(<StatusBadge category="unknown" status={null} />);
    expect(html).toContain("(no status)");
  });
});
