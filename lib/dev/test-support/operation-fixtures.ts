import type { DevopsRef } from "@/lib/azure/operation-ref";
import type { Operation } from "@/lib/operations/model";

/** Test data shared by unit tests: a valid devops ref and a running operation to vary. */

export const sampleDevopsRef: DevopsRef = {
  kind: "devops",
  subscriptionId: "sub",
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: "op-1",
};

export const sampleOperation = (overrides: Partial<Operation> = {}): Operation => ({
  kind: "devops",
  name: "op",
  id: undefined,
  status: "InProgress",
  category: "running",
  percentComplete: undefined,
  startTime: undefined,
  endTime: undefined,
  error: undefined,
  children: [],
  resourceId: undefined,
  properties: undefined,
  issues: [],
  raw: {},
  ...overrides,
});
