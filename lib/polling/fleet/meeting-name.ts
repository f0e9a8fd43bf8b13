/**
 * Where the tabs of one browser signed in as one person meet: the name of their channel and of the poller lock. It
 * carries the tab protocol's version (tab-messages.ts), so that tabs of two opwatch versions never meet, and the
 * account, so that tabs signed in as two different people (MSAL keeps each tab's sign-in apart) never share a
 * poller or each other's results.
 */
const PROTOCOL = "opwatch.fleet.v4";

export const meetingName = (accountId: string): string => `${PROTOCOL}:${accountId}`;
