import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "./progress-bar";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { unreadableOf } from "@/lib/polling/read-state";
import { readErrorResult } from "@/lib/dev/test-support/fetch-results";
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

describe("ProgressBar of a row no longer read", () => {
  it("is still: no animation, no transition, and says it is no longer read", () => {
    const html = renderToStaticMarkup(<ProgressBar percent={undefined} category={undefined} label="Progress of x" stopped />);
    expect(html).not.toContain("opwatch-indeterminate");
    expect(html).not.toContain("data-indeterminate");
    expect(html).toContain('data-stopped="true"');
    expect(html).toContain('aria-valuetext="no longer read"');
    const known = renderToStaticMarkup(<ProgressBar percent={40} category="running" label="Progress of x" stopped />);
    expect(known).not.toContain("transition");
    expect(known).toContain("when last read");
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

  it("says a row that cannot be read is so, with the reason, instead of 'not read yet'", () => {
    const unreadable = unreadableOf(nextSnapshot(undefined, readErrorResult(0, 404, undefined, { code: "NotFound" }), 0));
    const html = renderToStaticMarkup(<StatusBadge category={undefined} status={undefined} unreadable={unreadable} />);
    expect(html).toContain('data-status-category="unreadable"');
    expect(html).toContain("Cannot be read · NotFound");
    expect(html).toContain("polling stopped: the operation id is wrong");
    expect(html).not.toContain("not read yet");
  });
});
