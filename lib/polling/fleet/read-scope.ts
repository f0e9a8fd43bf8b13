import type { OperationKind, OperationRef } from "@/lib/azure/operation-ref";

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
  const name = ref.kind === "devops" ? ref.subscriptionId.toLowerCase() : ref.endpointHost.toLowerCase();
  return { id: `${ref.kind}:${name}`, kind: ref.kind, name };
}

/** "subscription 2a7b…" or "endpoint contoso-dc.westeurope.devcenter.azure.com", for sentences about a scope. */
export function scopeNoun(scope: Pick<ReadScope, "kind" | "name">): string {
  return scope.kind === "devops" ? `subscription ${scope.name}` : `endpoint ${scope.name}`;
}
