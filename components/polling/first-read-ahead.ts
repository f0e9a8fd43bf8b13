import type { IPublicClientApplication } from "@azure/msal-browser";
import { acquireAccessToken } from "@/lib/auth/acquire-token";
import { signedInAccount } from "@/lib/auth/signed-in-account";
import { browserAcquireEnvironment } from "@/lib/auth/use-get-access-token";
import { parseAppPath } from "@/lib/azure/operation-ref";
import type { PublicConfig } from "@/lib/config/public-config";
import { meetingName } from "@/lib/polling/fleet/meeting-name";
import { browserElectionEnvironment, standEarly } from "@/lib/polling/fleet/poller-election";

/**
 * The two waits before a signed-in page's first read, started by the sign-in start-up the moment it knows the account,
 * while the views still load. This tab stands for polling under the name its runner will use (fleet-deps.ts), which
 * takes the stand over (poller-election.ts). In a browser without BroadcastChannel no tab uses the lock
 * (fleet-deps.ts), so the stand harms no one until it lets go. On an operation's permalink, the token for its API is
 * asked for: acquire-token.ts keeps it for the read. A failure there is the read's to report; if MSAL needs the
 * sign-in page, the read would go there too.
 */
export function startFirstReadAhead(instance: IPublicClientApplication, config: PublicConfig, pathname: string): void {
  try {
    const account = signedInAccount(instance);
    if (!account) return;
    standEarly(meetingName(account.homeAccountId), browserElectionEnvironment());
    const ref = pathname.startsWith("/op/") ? parseAppPath(pathname) : undefined;
    if (ref?.ok) acquireAccessToken(instance, ref.value.kind, {}, browserAcquireEnvironment(config)).catch(() => undefined);
  } catch {
    // Only a head start: the runner and the first read do all of this again, and report what fails.
  }
}
