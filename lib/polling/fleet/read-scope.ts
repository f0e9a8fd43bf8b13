import type { OperationKind, OperationRef } from "@/lib/azure/operation-ref";
import { shortScopeName } from "@/lib/operations/display-name";

/**
 * The budget an operation's reads are drawn from, as Azure counts them: ARM throttles per subscription (and principal,
 * which is the signed-in person), a DevCenter endpoint per host. Ids are lower case, as Azure compares them.
 */
export interface ReadScope {
  id: string;
  kind: OperationKind;
  /** The subscription id or the endpoint host, as shown to people. */
  name: string;
}

export function readScopeOf(ref: OperationRef): ReadScope {
  if (ref.kind === "devcenter") return endpointScope(ref.endpointHost);
  const name = ref.subscriptionId.toLowerCase();
  return { id: `${ref.kind}:${name}`, kind: ref.kind, name };
}

/** A DevCenter endpoint's scope: its operations' status reads and its discovery lists draw on the same budget. */
export function endpointScope(endpointHost: string): ReadScope {
  const name = endpointHost.toLowerCase();
  return { id: `devcenter:${name}`, kind: "devcenter", name };
}

/** "sub 3f9b6…b83" or "endpoint contoso-dc.westus3", for sentences about a scope: named as the table's scope column does. */
export function scopeNoun(scope: Pick<ReadScope, "kind" | "name">): string {
  const short = shortScopeName(scope.kind, scope.name);
  return scope.kind === "devops" ? short : `endpoint ${short}`;
}

/** "subscription 3f9b6c1e-8a2d-4e7f-b5c0-d41a9e2f6b83": the whole name, where a short one is hovered or copied. */
export function scopeFullNoun(scope: Pick<ReadScope, "kind" | "name">): string {
  return scope.kind === "devops" ? `subscription ${scope.name}` : `endpoint ${scope.name}`;
}
