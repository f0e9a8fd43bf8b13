import Link from "next/link";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { focusRing } from "@/components/ui/focus-ring";
import { PAGE_WIDTH } from "@/components/layout/page-width";

/**
 * A page that shows no operation (not found, a link that names no operation): the app's header and one clear way back
 * to the dashboard. `account` puts the person and Sign out in the header, which needs the app's providers: only pages
 * under app/(app) have them (the root not-found page does not).
 */
export function PlainPage({ title, testId, account = false, children }: { title: string; testId?: string; account?: boolean; children: ReactNode }) {
  return (
    <>
      <AppHeader account={account} />
      {/* Aligned with the header's wordmark; the text itself kept to a readable width. */}
      <main className={`${PAGE_WIDTH} px-4 py-6`} data-testid={testId}>
        <div className="flex max-w-3xl flex-col gap-3">
          <h1 className="text-2xl font-semibold">{title}</h1>
          {children}
          <p>
            <Link href="/" data-testid="back-to-dashboard" className={`text-blue-700 underline dark:text-blue-300 ${focusRing}`}>
              Go to the dashboard
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
