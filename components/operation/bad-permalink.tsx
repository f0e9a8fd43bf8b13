import { PlainPage } from "@/components/layout/plain-page";

/** A permalink that does not name an operation: say exactly what is wrong, and offer the way back. */
export function BadPermalink({ message }: { message: string }) {
  return (
    <PlainPage title="This opwatch link does not name an operation" testId="bad-permalink">
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
