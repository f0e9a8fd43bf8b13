import type { OperationKind } from "@/lib/azure/operation-ref";

/**
 * The token scope of each API. MSAL issues one token per resource, so the two kinds are never requested
 * together: each kind has its own scope and its own token request.
 */
export const TOKEN_SCOPES: Readonly<Record<OperationKind, string>> = {
  devops: "https://management.azure.com/user_impersonation",
  devcenter: "https://devcenter.azure.com/.default",
};

export function scopeForKind(kind: OperationKind): string {
  return TOKEN_SCOPES[kind];
}

/** Human name of the API a kind's token is for, for messages. */
export const API_NAMES: Readonly<Record<OperationKind, string>> = {
  devops: "Azure Resource Manager",
  devcenter: "Azure DevCenter",
};
