"use client";

import type { AccountInfo } from "@azure/msal-browser";
import { useMsal } from "@azure/msal-react";
import { signedInAccount } from "./signed-in-account";

/** The signed-in account (lib/auth/signed-in-account.ts); the component renders again when MSAL's accounts change. */
export function useSignedInAccount(): AccountInfo | undefined {
  const { instance, accounts } = useMsal();
  return accounts.length > 0 ? signedInAccount(instance) : undefined;
}

/** Whose browser state this is (the fleet's channel, the poll log's database); undefined while nobody is signed in. */
export function useAccountId(): string | undefined {
  return useSignedInAccount()?.homeAccountId;
}

/**
 * The signed-in person's object id (Entra's `oid`, which DevCenter names `createdByObjectId`); undefined while nobody
 * is signed in. MSAL's localAccountId is the same id when the token names no `oid`.
 */
export function useObjectId(): string | undefined {
  const account = useSignedInAccount();
  const oid = account?.idTokenClaims?.oid;
  if (typeof oid === "string" && oid !== "") return oid;
  const local = account?.localAccountId;
  return local === "" ? undefined : local;
}
