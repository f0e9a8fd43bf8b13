import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PublicConfigProvider, type PublicConfig } from "@/lib/config/public-config";
import { sampleDevopsRef } from "@/lib/test-support/operation-fixtures";
import { SupportReportControls } from "./support-report-controls";

const config: PublicConfig = {
  clientId: "client",
  authority: "https://login.microsoftonline.com/organizations",
  protocol: "AAD",
  knownAuthorities: [],
  authorityMetadata: null,
  signInServerOnThisMachine: false,
  redirectUri: null,
  demoOperations: [],
  devcenterAllowedHosts: "*.devcenter.azure.com",
  readBudgets: { devops: { capacity: 10, refillPerSecond: 1 }, devcenter: { capacity: 10, refillPerSecond: 1 } },
};

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
