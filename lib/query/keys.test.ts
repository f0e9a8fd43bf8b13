import { describe, expect, it } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { operationKeys } from "./keys";
import { operationQueryOptions } from "./operation-options";

const ref: OperationRef = { kind: "devops", subscriptionId: "S", resourceGroupName: "RG", securityConnectorName: "c", operationResultId: "op" };

describe("operation query keys", () => {
  it("keys by refKey, so case variants share one query", () => {
    expect(operationKeys.detail(ref)).toEqual(operationKeys.detail({ ...ref, resourceGroupName: "rg" }));
    expect(operationQueryOptions(ref, () => Promise.resolve("t")).queryKey).toEqual(["operation", "devops/s/rg/c/op"]);
  });
});
