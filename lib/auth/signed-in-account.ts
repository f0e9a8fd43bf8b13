import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";

export type AccountSource = Pick<IPublicClientApplication, "getActiveAccount" | "getAllAccounts" | "addEventCallback">;

/*
 * MSAL rebuilds an account from the stored ID token on every getActiveAccount and getAllAccounts (a storage read and a
 * decode), and every read and every render that names the person asks. The answer is kept per client until MSAL
 * reports an event, which it does whenever accounts can change (a sign-in, a sign-out, a switch, a token renewal).
 */
const kept = new WeakMap<AccountSource, { account: AccountInfo | undefined }>();
const watched = new WeakSet<AccountSource>();

/** The signed-in account: the active one, else the first MSAL knows; undefined while nobody is signed in. */
export function signedInAccount(client: AccountSource): AccountInfo | undefined {
  const known = kept.get(client);
  if (known) return known.account;
  if (!watched.has(client)) {
    watched.add(client);
    client.addEventCallback(() => {
      kept.delete(client);
    });
  }
  const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
  kept.set(client, { account });
  return account;
}
