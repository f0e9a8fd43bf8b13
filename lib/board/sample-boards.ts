import type { OperationRef } from "@/lib/azure/operation-ref";
import type { BoardItem } from "./board-codec";

/**
 * Realistic boards for the link-size bench and tests (never for the browser): GUIDs where Azure has them, names shaped
 * like real resource groups, connectors, DevCenter hosts and projects, and labels as people write them.
 * `random` is any seeded source (lib/polling/seeded-random.ts), so a size can be reproduced.
 */

type Random = () => number;

/** One subscription rollout (a few resource groups and connectors), or every operation somewhere else. */
export type BoardShape = "oneRollout" | "spread";

const WORDS = ["payments", "checkout", "identity", "search", "billing", "catalog", "orders", "gateway", "reports", "ledger"];
const REGIONS = ["westeurope", "northeurope", "eastus2", "westus3", "swedencentral", "japaneast"];
const LABELS = ["nightly", "rollout", "hotfix", "canary", "wave", "retry", "Prüfung", "déploiement", "main", "release"];

const pick = <T>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

function guid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function devopsRef(random: Random, subscriptionId: string, group: number): OperationRef {
  const word = WORDS[group % WORDS.length] ?? "app";
  const region = REGIONS[group % REGIONS.length] ?? "westeurope";
  return {
    kind: "devops",
    subscriptionId,
    resourceGroupName: `rg-${word}-prod-${region}`,
    securityConnectorName: `github-contoso-${word}-${String(group).padStart(2, "0")}`,
    operationResultId: guid(random),
  };
}

function devcenterRef(random: Random): OperationRef {
  return {
    kind: "devcenter",
    endpointHost: `${guid(random)}-contoso-dc.${pick(random, REGIONS)}.devcenter.azure.com`,
    projectName: `proj-${pick(random, WORDS)}-${Math.floor(random() * 100)}`,
    operationId: guid(random),
  };
}

/** "nightly westeurope 14", "Prüfung checkout 3": two to three words and a number. */
function label(random: Random): string {
  const words = [pick(random, LABELS), pick(random, WORDS)];
  if (random() < 0.5) words.push(pick(random, REGIONS));
  return `${words.join(" ")} ${Math.floor(random() * 100)}`;
}

export function sampleBoard(random: Random, count: number, shape: BoardShape, labelled: boolean): BoardItem[] {
  const subscription = guid(random);
  return Array.from({ length: count }, (_, i): BoardItem => {
    // A rollout touches a handful of resource groups of one subscription; spread, each operation is elsewhere, and
    // one in five is a DevCenter operation on its own endpoint.
    const ref =
      shape === "oneRollout"
        ? devopsRef(random, subscription, i % 4)
        : random() < 0.2
          ? devcenterRef(random)
          : devopsRef(random, guid(random), i);
    return labelled ? { ref, label: label(random) } : { ref };
  });
}
