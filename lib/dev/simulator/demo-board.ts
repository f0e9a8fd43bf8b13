import { DEMO_PROJECT, DEMO_SUBSCRIPTION, demoId, devcenterHead, devopsResultId } from "./demo-ids";
import type { ScenarioInput } from "./scenario-schema";

/**
 * A release a colleague shares as a board link (`npm run demo` prints it): three regions of one rollout and its preview
 * environment. A first visit does not watch them, so opening the link offers "Add all".
 */
const RELEASE_GROUP = "opwatch-demo-release";

function releaseRegion(n: number, region: string, end: "Succeeded" | "Failed", seconds: number): ScenarioInput {
  const id = demoId(n);
  const ids = { subscriptionId: DEMO_SUBSCRIPTION, resourceGroupName: RELEASE_GROUP, securityConnectorName: `release-${region}` };
  const head = { id: devopsResultId(ids, id), name: id };
  const failure = { error: { code: "RepositoryScanFailed", message: `The scan of 'contoso/payments' in ${region} timed out.` } };
  return {
    kind: "devops",
    label: `Release 2.4 ${region}: ${end} after ${seconds} s`,
    ids: { ...ids, operationResultId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...head, status: "Running", startTime: "{{start}}", percentComplete: 10 } },
      { afterMs: (seconds * 1000) / 2, body: { ...head, status: "Running", startTime: "{{start}}", percentComplete: 50 } },
      {
        afterMs: seconds * 1000,
        body: { ...head, status: end, startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100, ...(end === "Failed" ? failure : {}) },
      },
    ],
  };
}

function releasePreview(): ScenarioInput {
  const id = demoId(23);
  const head = devcenterHead(DEMO_PROJECT, id);
  return {
    kind: "devcenter",
    label: "Release 2.4 preview environment: Succeeded after 40 s",
    ids: { projectName: DEMO_PROJECT, operationId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...head, status: "Running", startTime: "{{start}}" } },
      { afterMs: 40_000, body: { ...head, status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}" } },
    ],
  };
}

export const DEMO_BOARD_SCENARIOS: readonly ScenarioInput[] = [
  releaseRegion(20, "westeurope", "Succeeded", 30),
  releaseRegion(21, "northeurope", "Failed", 45),
  releaseRegion(22, "eastus2", "Succeeded", 90),
  releasePreview(),
];
