import { ErrorTree } from "@/components/error-tree/error-tree";
import { hasErrorTree } from "@/components/error-tree/error-tree-model";
import { CopyButton } from "@/components/ui/copy-button";
import { readTroubleOf } from "@/lib/polling/read-trouble";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { JsonBlock } from "./json-block";
import { PageSection } from "./page-section";

/**
 * What the operation came to, first on its page: the error of a failed one, the result of a succeeded one, and why
 * opwatch could not read it, when reads keep failing (a passing failure is said where the next read is explained).
 * Identifiers and raw JSON come later, folded.
 */
export function OperationOutcome({ snapshot }: { snapshot: OperationSnapshot | undefined }) {
  const operation = snapshot?.operation;
  const response = snapshot?.lastResponse;
  const trouble = readTroubleOf(snapshot);
  const readError = trouble?.kind === "lasting" ? trouble.error : undefined;
  return (
    <>
      {/* A parent with no error of its own but a failed child shows the child's error: that is where the cause is. */}
      {operation && hasErrorTree(operation.error, operation.children) ? (
        <PageSection id="error" title="Error" testId="operation-error">
          <ErrorTree
            error={operation.error}
            childOperations={operation.children}
            label="Operation error"
            ids={
              response && response.httpStatus < 400
                ? { errorCode: response.errorCode, requestId: response.requestId, correlationId: response.correlationId, clientRequestId: response.clientRequestId }
                : undefined
            }
          />
        </PageSection>
      ) : null}

      {operation && (operation.resourceId !== undefined || operation.properties !== undefined) ? (
        <PageSection id="result" title="Result" testId="operation-result">
          {operation.resourceId !== undefined ? (
            <div className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
              <span className="text-slate-600 dark:text-slate-400">resourceId</span>
              <code className="min-w-0 font-mono text-xs break-all">{operation.resourceId}</code>
              <CopyButton text={operation.resourceId} label="Copy resourceId" />
            </div>
          ) : null}
          {operation.properties !== undefined ? <JsonBlock value={operation.properties} label="properties" /> : null}
        </PageSection>
      ) : null}

      {readError?.errorTree ? (
        <PageSection id="read-error" title="Why the last read failed" testId="read-failure">
          <ErrorTree
            error={readError.errorTree}
            label="Error of the last read"
            ids={{ errorCode: response?.errorCode, requestId: readError.requestId, correlationId: readError.correlationId, clientRequestId: readError.clientRequestId }}
          />
        </PageSection>
      ) : null}
    </>
  );
}
