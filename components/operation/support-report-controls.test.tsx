import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PublicConfigProvider } from "@/lib/config/public-config";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";
import { SupportReportControls } from "./support-report-controls";
import { samplePublicConfig } from "@/lib/dev/test-support/public-config";

const config = samplePublicConfig;

describe("SupportReportControls", () => {
  it("offers the report as Markdown and as text in a named group, before anything was read too", () => {
    const html = renderToStaticMarkup(
      <PublicConfigProvider config={config}>
        <SupportReportControls item={{ ref: sampleDevopsRef }} snapshot={undefined} />
      </PublicConfigProvider>,
    );
    expect(html).toMatch(/role="group" aria-labelledby="support-report-label"/);
    expect(html).toContain('id="support-report-label"');
    expect(html).toContain(">Copy support report<");
    expect(html).toMatch(/data-testid="copy-report-markdown"[^>]*>Copy as Markdown</);
    expect(html).toMatch(/data-testid="copy-report-text"[^>]*>Copy as text</);
    expect(html).toContain('role="status"');
    expect(html).not.toContain("<textarea");
  });
});
