import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config/read-config";
import { ConfigErrorPage } from "./config-error-page";

const MARK = "leakmark";

function problemsFor(values: Record<string, string>) {
  const config = readConfig({ NODE_ENV: "test", ...values });
  if (config.public.ok) throw new Error("expected problems");
  return config.public.error;
}

describe("ConfigErrorPage", () => {
  it("names each wrong variable with its fix, and shows none of the values", () => {
    const problems = problemsFor({
      AZURE_CLIENT_ID: `${MARK}-app`,
      AZURE_AUTHORITY: `http://${MARK}.example/tenant`,
      AZURE_ARM_ENDPOINT: `http://${MARK}.example`,
      DEVCENTER_ALLOWED_HOSTS: `*.devcenter.azure.com,http://${MARK}.example`,
      OPWATCH_PROXY_MAX_IN_FLIGHT: MARK,
    });
    const html = renderToStaticMarkup(<ConfigErrorPage problems={problems} />);
    for (const variable of ["AZURE_CLIENT_ID", "AZURE_AUTHORITY", "AZURE_ARM_ENDPOINT", "DEVCENTER_ALLOWED_HOSTS", "OPWATCH_PROXY_MAX_IN_FLIGHT"]) {
      expect(html).toContain(`<code class="font-semibold">${variable}</code>`);
    }
    expect(html).toContain("entry 2 is a plain http:// origin");
    expect(html).toContain("Set OPWATCH_PROXY_MAX_IN_FLIGHT to");
    expect(html).toContain("5 changes");
    expect(html).not.toContain(MARK);
  });
});
