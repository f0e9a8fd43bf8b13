/**
 * The sample responses of the two API documents (shared/seeds), verbatim. Tests read them; the simulator's demo
 * scenarios may too, so the demo shows exactly what Azure documents.
 */

export const DEVOPS_FAILED_EXAMPLE = {
  id: "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName/devops/default/operationResults/8d4caace-e7b3-4b3e-af99-73f76829ebcf?api-version=2024-04-01",
  name: "8d4caace-e7b3-4b3e-af99-73f76829ebcf",
  status: "Failed",
  startTime: "2023-06-21T03:23:15Z",
  endTime: "2023-06-21T03:25:15Z",
  percentComplete: 100,
  error: {
    code: "TokenExchangeFailed",
    message: "AzureDevOps OAuth token exchange failed",
  },
} as const;

export const DEVOPS_SUCCEEDED_EXAMPLE = {
  id: "/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName/devops/default/operationResults/4e826cf1-5c36-4808-a7d2-fb4f5170978b?api-version=2024-04-01",
  name: "4e826cf1-5c36-4808-a7d2-fb4f5170978b",
  status: "Succeeded",
  startTime: "2023-06-21T03:23:15Z",
  endTime: "2023-06-21T03:25:15Z",
  percentComplete: 100,
} as const;

export const DEVCENTER_RUNNING_EXAMPLE = {
  id: "/projects/myProject/operationStatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3",
  name: "fa067167-e49d-41bd-8dd8-de719b9de3b3",
  status: "Running",
  startTime: "2024-01-24T21:14:58.472Z",
} as const;

/** The sample request URLs of the documents. */
export const DEVOPS_FAILED_REQUEST_URL =
  "https://management.azure.com/subscriptions/0806e1cd-cfda-4ff8-b99c-2b0af42cffd3/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/mySecurityConnectorName/devops/default/operationResults/8d4caace-e7b3-4b3e-af99-73f76829ebcf?api-version=2024-04-01";
