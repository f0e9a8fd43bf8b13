import { focusRing } from "@/components/ui/focus-ring";
import { formatTimestamp } from "@/lib/operations/format";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { JsonBlock } from "./json-block";
import { PageSection } from "./page-section";

/** The end of the page, for whoever digs: what was unusual in Azure's answer, and the last response as it came. */
export function ResponseDetails({ snapshot }: { snapshot: OperationSnapshot | undefined }) {
  const operation = snapshot?.operation;
  const response = snapshot?.lastResponse;
  return (
    <>
      {operation && operation.issues.length > 0 ? (
        <PageSection id="issues" title="What was unusual in the response">
          <ul className="list-disc pl-5 text-sm">
            {operation.issues.map((issue, i) => (
              <li key={i}>{issue}</li>
            ))}
          </ul>
        </PageSection>
      ) : null}

      {response ? (
        <PageSection id="raw" title="Last response">
          <p className="text-xs break-words text-slate-600 dark:text-slate-400">
            HTTP {response.httpStatus} at {formatTimestamp(response.at)}
            {response.requestId ? ` · x-ms-request-id ${response.requestId}` : ""}
            {response.correlationId ? ` · x-ms-correlation-request-id ${response.correlationId}` : ""}
          </p>
          <details>
            <summary className={`cursor-pointer text-sm text-blue-700 dark:text-blue-300 ${focusRing}`}>Raw JSON</summary>
            <JsonBlock value={response.body} label="raw response" />
          </details>
        </PageSection>
      ) : null}
    </>
  );
}
