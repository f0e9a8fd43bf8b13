import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../../../e2e/fixtures/chromium";
import { onCleanup } from "./cleanup";

/** Debian's Chromium, as the e2e tests launch it; closed by `cleanup()`, not by Playwright's own signal handlers. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    ...CHROMIUM_LAUNCH,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  return browser;
}

/** A desktop-sized context that trusts the sign-in server's self-signed certificate. */
export function newBenchContext(browser: Browser, appOrigin: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: appOrigin,
    ignoreHTTPSErrors: true,
    serviceWorkers: "block",
    viewport: { width: 1280, height: 720 },
  });
}
