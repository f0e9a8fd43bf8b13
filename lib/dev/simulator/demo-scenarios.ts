import { DEMO_BOARD_SCENARIOS } from "./demo-board";
import { DEMO_PROJECT, DEMO_SUBSCRIPTION, demoId, devcenterHead, devopsResultId } from "./demo-ids";
import { tightBudgetGroup } from "./demo-tight-budget";
import { parseScenario, type ScenarioInput } from "./scenario-schema";
import type { CreatedScenario, ScenarioStore } from "./scenario-store";

/**
 * The demo operations seeded at start (`seedDemo`): those a first visit watches, and those of the demo's board, which
 * it does not. All use clock "firstRequest": an operation starts moving when someone first opens it. Ids are fixed so
 * that permalinks survive restarts. Times use the placeholders of `body-template.ts`, filled in per request. Each
 * label says what the operation shows, and a first visit's rows are named by it: the words that tell rows apart first.
 * The first three are the API documents' own examples, verbatim but for the DevCenter one's times (see devcenterSeed).
 */

const SEED_SUBSCRIPTION = "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3";
const SEED_CONNECTOR = { subscriptionId: SEED_SUBSCRIPTION, resourceGroupName: "myRg", securityConnectorName: "mySecurityConnectorName" };
const SEED_FAILED_ID = "8d4caace-e7b3-4b3e-af99-73f76829ebcf";
const SEED_SUCCEEDED_ID = "4e826cf1-5c36-4808-a7d2-fb4f5170978b";
const SEED_DEVCENTER_ID = "fa067167-e49d-41bd-8dd8-de719b9de3b3";

const DEMO_CONNECTOR = { subscriptionId: DEMO_SUBSCRIPTION, resourceGroupName: "opwatch-demo", securityConnectorName: "demo-connector" };

const devopsHead = (id: string) => ({ id: devopsResultId(DEMO_CONNECTOR, id), name: id });

export const SEED_DEVOPS_FAILED_BODY = {
  id: devopsResultId(SEED_CONNECTOR, SEED_FAILED_ID),
  name: SEED_FAILED_ID,
  status: "Failed",
  startTime: "2023-06-21T03:23:15Z",
  endTime: "2023-06-21T03:25:15Z",
  percentComplete: 100,
  error: { code: "TokenExchangeFailed", message: "AzureDevOps OAuth token exchange failed" },
};

export const SEED_DEVOPS_SUCCEEDED_BODY = {
  id: devopsResultId(SEED_CONNECTOR, SEED_SUCCEEDED_ID),
  name: SEED_SUCCEEDED_ID,
  status: "Succeeded",
  startTime: "2023-06-21T03:23:15Z",
  endTime: "2023-06-21T03:25:15Z",
  percentComplete: 100,
};

export const SEED_DEVCENTER_BODY = {
  id: `/projects/myProject/operationStatuses/${SEED_DEVCENTER_ID}`,
  name: SEED_DEVCENTER_ID,
  status: "Running",
  startTime: "2024-01-24T21:14:58.472Z",
};

function steadyProgress(): ScenarioInput {
  const id = demoId(1);
  const running = Array.from({ length: 10 }, (_, i) => ({
    afterMs: i * 6000,
    body: { ...devopsHead(id), status: "Running", startTime: "{{start}}", percentComplete: i * 10 },
  }));
  return {
    kind: "devops",
    label: "Steady progress: Running 0 → 100 % over a minute, then Succeeded",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      ...running,
      { afterMs: 60_000, body: { ...devopsHead(id), status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
    ],
  };
}

function inProgressWithoutPercent(): ScenarioInput {
  const id = demoId(2);
  return {
    kind: "devops",
    label: "InProgress without percentComplete, Succeeded after 30 s",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...devopsHead(id), status: "InProgress", startTime: "{{start}}" } },
      { afterMs: 30_000, body: { ...devopsHead(id), status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}" } },
    ],
  };
}

function nestedOperations(): ScenarioInput {
  const id = demoId(3);
  const child = (n: number, status: string, extra: Record<string, unknown> = {}) => ({
    ...devopsHead(demoId(300 + n)),
    status,
    startTime: "{{start}}",
    ...extra,
  });
  const importFailed = child(2, "Failed", {
    endTime: "{{start+12s}}",
    percentComplete: 100,
    error: { code: "RepositoryAccessDenied", message: "The service connection cannot read repository 'contoso/payments'.", target: "contoso/payments" },
  });
  const prepared = child(1, "Succeeded", { endTime: "{{start+6s}}", percentComplete: 100 });
  return {
    kind: "devops",
    label: "Nested operations[]: children Succeeded, Failed and InProgress, with grandchildren",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      {
        afterMs: 0,
        body: { ...devopsHead(id), status: "InProgress", startTime: "{{start}}", percentComplete: 5, operations: [child(1, "InProgress", { percentComplete: 20 })] },
      },
      {
        afterMs: 12_000,
        body: {
          ...devopsHead(id),
          status: "InProgress",
          startTime: "{{start}}",
          percentComplete: 50,
          operations: [
            prepared,
            importFailed,
            child(3, "InProgress", {
              percentComplete: 40,
              operations: [
                child(31, "Succeeded", { endTime: "{{start+10s}}", percentComplete: 100 }),
                child(32, "InProgress", { percentComplete: 30 }),
                child(33, "NotStarted"),
              ],
            }),
          ],
        },
      },
      {
        afterMs: 45_000,
        body: {
          ...devopsHead(id),
          status: "Failed",
          startTime: "{{start}}",
          endTime: "{{end}}",
          percentComplete: 100,
          error: { code: "ChildOperationFailed", message: "1 of 3 child operations failed." },
          operations: [
            prepared,
            importFailed,
            child(3, "Succeeded", {
              endTime: "{{start+44s}}",
              percentComplete: 100,
              operations: [
                child(31, "Succeeded", { endTime: "{{start+10s}}", percentComplete: 100 }),
                child(32, "Succeeded", { endTime: "{{start+30s}}", percentComplete: 100 }),
                child(33, "Canceled", { endTime: "{{start+44s}}" }),
              ],
            }),
          ],
        },
      },
    ],
  };
}

function detailedFailure(): ScenarioInput {
  const id = demoId(4);
  const error = {
    code: "DevOpsConfigurationFailed",
    message: "The DevOps connector could not be configured.",
    target: "demo-connector",
    details: [
      {
        code: "OrganizationOnboardingFailed",
        message: "Onboarding of organization 'contoso' failed.",
        target: "organizations/contoso",
        details: [
          {
            code: "ProjectDiscoveryFailed",
            message: "2 of 14 projects could not be discovered.",
            target: "organizations/contoso/projects",
            details: [
              { code: "PermissionDenied", message: "The identity lacks 'Project Collection Administrator' on project 'Legacy'.", target: "projects/Legacy" },
              { code: "ProjectNotFound", message: "Project 'Archive-2019' no longer exists.", target: "projects/Archive-2019" },
            ],
          },
        ],
        additionalInfo: [{ type: "OrganizationInfo", info: { organization: "contoso", projectsTotal: 14, projectsOnboarded: 12 } }],
      },
      { code: "WebhookRegistrationSkipped", message: "Webhooks were not registered because onboarding failed." },
    ],
    additionalInfo: [
      { type: "PolicyViolation", info: { policyDefinitionName: "require-branch-protection", evaluation: "NonCompliant" } },
      { type: "SupportInfo", info: { correlationId: "3f2a0c4e-8b1d-4a6f-9c2e-5d7b8a9e0f1c", region: "westeurope" } },
    ],
  };
  return {
    kind: "devops",
    label: "Failed with a three-level details tree and additionalInfo",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...devopsHead(id), status: "InProgress", startTime: "{{start}}", percentComplete: 20 } },
      { afterMs: 8_000, body: { ...devopsHead(id), status: "InProgress", startTime: "{{start}}", percentComplete: 65 } },
      { afterMs: 15_000, body: { ...devopsHead(id), status: "Failed", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 65, error } },
    ],
  };
}

function canceled(): ScenarioInput {
  const id = demoId(5);
  return {
    kind: "devops",
    label: "Canceling, then Canceled",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...devopsHead(id), status: "InProgress", startTime: "{{start}}", percentComplete: 25 } },
      { afterMs: 10_000, body: { ...devopsHead(id), status: "Canceling", startTime: "{{start}}", percentComplete: 40 } },
      { afterMs: 16_000, body: { ...devopsHead(id), status: "Canceled", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 40 } },
    ],
  };
}

function throttled(): ScenarioInput {
  const id = demoId(6);
  const throttle = {
    afterMs: 0,
    status: 429,
    headers: { "Retry-After": "5" },
    body: {
      error: {
        code: "SubscriptionRequestsThrottled",
        message: `Number of 'read' requests for subscription '${DEMO_SUBSCRIPTION}' exceeded. Please try again after '5' seconds. Please see https://aka.ms/ARMThrottling for updated limits.`,
      },
    },
  };
  return {
    kind: "devops",
    label: "Throttled: 429 with Retry-After for ~9 s, then progress and Succeeded",
    ids: { ...DEMO_CONNECTOR, operationResultId: id },
    clock: "firstRequest",
    steps: [
      throttle,
      { afterMs: 9_000, body: { ...devopsHead(id), status: "Running", startTime: "{{start}}", percentComplete: 30 } },
      { afterMs: 20_000, body: { ...devopsHead(id), status: "Running", startTime: "{{start}}", percentComplete: 75 } },
      { afterMs: 30_000, body: { ...devopsHead(id), status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
    ],
  };
}

/**
 * The document's DevCenter example, dated when it is first read: with the document's own 2024 start it would read as
 * running for years. It shows what real DevCenter answers look like: no percentComplete, only a status and times.
 */
function devcenterSeed(): ScenarioInput {
  const running = { ...SEED_DEVCENTER_BODY, startTime: "{{start}}" };
  return {
    kind: "devcenter",
    label: "DevCenter example, no percent: Running, Succeeded after 20 s",
    ids: { projectName: "myProject", operationId: SEED_DEVCENTER_ID },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: running },
      { afterMs: 20_000, body: { ...running, status: "Succeeded", endTime: "{{end}}" } },
    ],
  };
}

function devcenterInnerErrorFailure(): ScenarioInput {
  const id = demoId(7);
  const error = {
    code: "EnvironmentDeploymentFailed",
    message: "The environment 'feature-login' could not be deployed.",
    target: "environments/feature-login",
    details: [
      { code: "ResourceDeploymentFailure", message: "Resource 'Microsoft.Web/sites/feature-login-app' failed: the plan 'shared-plan' is at capacity.", target: "Microsoft.Web/sites/feature-login-app" },
      { code: "DeploymentCanceled", message: "Resource 'Microsoft.Sql/servers/feature-login-sql' was canceled after a sibling failed.", target: "Microsoft.Sql/servers/feature-login-sql" },
    ],
    innererror: { code: "ArmDeploymentFailed", innererror: { code: "QuotaExceeded", innererror: { code: "AppServicePlanCapacityReached" } } },
  };
  return {
    kind: "devcenter",
    label: "DevCenter Failed with an innererror chain (3 deep) and details",
    ids: { projectName: DEMO_PROJECT, operationId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...devcenterHead(DEMO_PROJECT, id), status: "Running", startTime: "{{start}}", percentComplete: 15 } },
      { afterMs: 6_000, body: { ...devcenterHead(DEMO_PROJECT, id), status: "Running", startTime: "{{start}}", percentComplete: 55.5 } },
      { afterMs: 12_000, body: { ...devcenterHead(DEMO_PROJECT, id), status: "Failed", startTime: "{{start}}", endTime: "{{end}}", error } },
    ],
  };
}

function devcenterUnavailableOnce(): ScenarioInput {
  const id = demoId(8);
  const head = devcenterHead(DEMO_PROJECT, id);
  return {
    kind: "devcenter",
    label: "DevCenter 503 once (Retry-After 3), then Running and Succeeded",
    ids: { projectName: DEMO_PROJECT, operationId: id },
    clock: "firstRequest",
    steps: [
      {
        afterMs: 0,
        status: 503,
        headers: { "Retry-After": "3" },
        body: { error: { code: "ServiceUnavailable", message: "The service is temporarily unavailable. Please retry after some time." } },
      },
      { afterMs: 2_500, body: { ...head, status: "Running", startTime: "{{start}}", percentComplete: 40 } },
      { afterMs: 15_000, body: { ...head, status: "Running", startTime: "{{start}}", percentComplete: 80 } },
      { afterMs: 25_000, body: { ...head, status: "Succeeded", startTime: "{{start}}", endTime: "{{end}}", percentComplete: 100 } },
    ],
  };
}

function devcenterNotStartedThenSucceeded(): ScenarioInput {
  const id = demoId(9);
  const head = devcenterHead(DEMO_PROJECT, id);
  const resourceId = `/projects/${DEMO_PROJECT}/users/me/devboxes/dev-box-01`;
  return {
    kind: "devcenter",
    label: "DevCenter NotStarted, Running with percent, Succeeded with resourceId and properties",
    ids: { projectName: DEMO_PROJECT, operationId: id },
    clock: "firstRequest",
    steps: [
      { afterMs: 0, body: { ...head, status: "NotStarted" } },
      { afterMs: 5_000, body: { ...head, status: "Running", startTime: "{{start+5s}}", percentComplete: 10 } },
      { afterMs: 15_000, body: { ...head, status: "Running", startTime: "{{start+5s}}", percentComplete: 60 } },
      {
        afterMs: 25_000,
        body: {
          ...head,
          status: "Succeeded",
          startTime: "{{start+5s}}",
          endTime: "{{end}}",
          percentComplete: 100,
          resourceId,
          properties: { devBoxName: "dev-box-01", pool: "win11-16c-64gb", provisioningState: "Succeeded" },
        },
      },
    ],
  };
}

export const DEMO_SCENARIOS: readonly ScenarioInput[] = [
  {
    kind: "devops",
    label: "DevOps example: Succeeded",
    ids: { ...SEED_CONNECTOR, operationResultId: SEED_SUCCEEDED_ID },
    clock: "firstRequest",
    steps: [{ afterMs: 0, body: SEED_DEVOPS_SUCCEEDED_BODY }],
  },
  {
    kind: "devops",
    label: "DevOps example: Failed (TokenExchangeFailed)",
    ids: { ...SEED_CONNECTOR, operationResultId: SEED_FAILED_ID },
    clock: "firstRequest",
    steps: [{ afterMs: 0, body: SEED_DEVOPS_FAILED_BODY }],
  },
  devcenterSeed(),
  steadyProgress(),
  inProgressWithoutPercent(),
  nestedOperations(),
  detailedFailure(),
  canceled(),
  throttled(),
  devcenterInnerErrorFailure(),
  devcenterUnavailableOnce(),
  devcenterNotStartedThenSucceeded(),
  ...tightBudgetGroup(),
];

/** Adds every demo scenario, the board's included, to the store; a demo that fails validation is a bug, so it throws. */
export function seedDemo(store: ScenarioStore): CreatedScenario[] {
  return [...DEMO_SCENARIOS, ...DEMO_BOARD_SCENARIOS].map((input) => {
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(`demo scenario "${input.label ?? input.kind}" is invalid: ${parsed.error}`);
    return store.create(parsed.value);
  });
}
