"use client";

import { useParams } from "next/navigation";
import { PlainPage } from "@/components/layout/plain-page";
import { refFromRouteParams } from "@/lib/azure/operation-ref";

/** Why this route's link names no operation, by the rule its page applied. */
function whatIsWrong(params: Record<string, string | string[] | undefined> | null): string {
  const kind = typeof params?.kind === "string" ? params.kind : "";
  const segments = Array.isArray(params?.segments) ? params.segments : [];
  const ref = refFromRouteParams(kind, segments);
  return ref.ok ? "it names an operation, yet its page could not be found" : ref.error.message;
}

/** A permalink that does not name an operation: say exactly what is wrong, and offer the way back. */
export function BadPermalink() {
  const message = `This link is not valid: ${whatIsWrong(useParams())}.`;
  return (
    <PlainPage title="This opwatch link does not name an operation" testId="bad-permalink" account>
      <p role="alert" className="rounded border-l-4 border-red-600 bg-red-50 px-3 py-2 break-words text-red-900 dark:bg-red-950 dark:text-red-100">
        {message}
      </p>
      <p className="text-sm break-words text-slate-700 dark:text-slate-300">
        A link looks like <code className="font-mono break-all">/op/devops/&#123;subscriptionId&#125;/&#123;resourceGroupName&#125;/&#123;securityConnectorName&#125;/&#123;operationResultId&#125;</code>{" "}
        or <code className="font-mono break-all">/op/devcenter/&#123;endpointHost&#125;/&#123;projectName&#125;/&#123;operationId&#125;</code>.
      </p>
    </PlainPage>
  );
}
