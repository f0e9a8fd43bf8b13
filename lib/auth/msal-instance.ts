import { PublicClientApplication } from "@azure/msal-browser";
import type { PublicConfig } from "@/lib/config/public-config";
import { buildMsalConfiguration } from "./msal-config";

/**
 * The one PublicClientApplication of this tab, made on first use in the browser (never during server rendering: MSAL
 * needs window, crypto and sessionStorage). The configuration cannot change while the page lives, so the first wins.
 */
let instance: PublicClientApplication | undefined;

export function getMsalInstance(config: PublicConfig): PublicClientApplication {
  if (typeof window === "undefined") throw new Error("getMsalInstance is browser-only");
  instance ??= new PublicClientApplication(buildMsalConfiguration(config, window.location.origin));
  return instance;
}
