import type { PublicConfig } from "@/lib/config/public-config";

/**
 * The account the sign-in prompt asks for. On the demo's local sign-in server (the rule the prompt's certificate note
 * follows: `signInServerOnThisMachine`) that is one of its demo accounts; on Microsoft Entra ID a work or school
 * account, since personal accounts get no ARM token (auth-errors.ts).
 */
export function accountToSignInWith(config: Pick<PublicConfig, "signInServerOnThisMachine">): string {
  return config.signInServerOnThisMachine ? "demo account" : "work or school account";
}
