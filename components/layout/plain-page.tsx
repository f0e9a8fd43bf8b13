import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { PAGE_WIDTH } from "@/components/layout/page-width";

/**
 * A page outside the signed-in app (not found, a link that names no operation): the app's header line without the
 * user menu, which needs a sign-in these pages do not have, and one clear way back to the dashboard.
 */
export function PlainPage({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
        <div className={`${PAGE_WIDTH} flex items-center px-4 py-2`}>
          <Link href="/" className={`text-xl font-semibold tracking-tight ${focusRing}`}>
            opwatch
          </Link>
        </div>
      </header>
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
