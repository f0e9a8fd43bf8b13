"use client";

import { useMsal } from "@azure/msal-react";

/**
 * The signed-in person's object id (Entra's `oid`, which DevCenter names `createdByObjectId`); undefined while nobody
 * is signed in. MSAL's localAccountId is the same id when the token names no `oid`.
 */
export function useObjectId(): string | undefined {
  const { instance, accounts } = useMsal();
  const account = instance.getActiveAccount() ?? accounts[0];
  const oid = account?.idTokenClaims?.oid;
  if (typeof oid === "string" && oid !== "") return oid;
  const local = account?.localAccountId;
  return local === "" ? undefined : local;
}
