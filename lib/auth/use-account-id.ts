"use client";

import { useMsal } from "@azure/msal-react";

/** Whose browser state this is (the fleet's channel, the poll log's database); undefined while nobody is signed in. */
export function useAccountId(): string | undefined {
  const { instance, accounts } = useMsal();
  return (instance.getActiveAccount() ?? accounts[0])?.homeAccountId;
}
