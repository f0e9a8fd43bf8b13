import Link from "next/link";
import { focusRing } from "@/components/ui/focus-ring";

/** A permalink that does not name an operation: say exactly what is wrong, and offer the way back. */
export function BadPermalink({ message }: { message: string }) {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-3 p-6" data-testid="bad-permalink">
      <h1 className="text-2xl font-semibold">This opwatch link does not name an operation</h1>
      <p role="alert" className="rounded border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
        {message}
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        A link looks like <code className="font-mono">/op/devops/&#123;subscriptionId&#125;/&#123;resourceGroupName&#125;/&#123;securityConnectorName&#125;/&#123;operationResultId&#125;</code>{" "}
        or <code className="font-mono">/op/devcenter/&#123;endpointHost&#125;/&#123;projectName&#125;/&#123;operationId&#125;</code>.
      </p>
      <p>
        <Link href="/" className={`text-blue-700 underline dark:text-blue-300 ${focusRing}`}>
          Go to the dashboard
        </Link>
      </p>
    </main>
  );
}
