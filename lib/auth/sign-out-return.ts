/**
 * MSAL sends a `state` with every sign-out (its redirect bridge needs one), and the sign-in service hands it back on
 * the post-logout address. MSAL takes in only sign-in responses, so after a sign-out the address would keep
 * `?state=…`: this is the address without it. Undefined: nothing to drop (another page, a sign-in response, no state).
 */
export function addressWithoutSignOutState(href: string, postLogoutRedirectUri: string): string | undefined {
  let url: URL;
  let target: URL;
  try {
    url = new URL(href);
    target = new URL(postLogoutRedirectUri);
  } catch {
    return undefined;
  }
  if (url.origin !== target.origin || url.pathname !== target.pathname) return undefined;
  const params = url.searchParams;
  if (!params.has("state") || params.has("code") || params.has("error")) return undefined;
  params.delete("state");
  return url.href;
}
