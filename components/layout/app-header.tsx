import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { focusRing } from "@/components/ui/focus-ring";
import { PAGE_WIDTH } from "@/components/layout/page-width";

/**
 * The app's bar: name, what the page counts, the account. On a phone the counts take a line of their own under the
 * name and account, one line that shortens rather than wraps; from `sm` up they sit between the two. Without
 * `account` (a page outside the app's providers), the bar has no person and no Sign out.
 */
export function AppHeader({ children, account = true }: { children?: React.ReactNode; account?: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className={`${PAGE_WIDTH} flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2`}>
        <Link href="/" className={`text-xl font-semibold tracking-tight ${focusRing}`}>
          opwatch
        </Link>
        {children === undefined || children === null ? null : (
          <div className="order-last min-w-0 basis-full text-sm text-slate-600 sm:order-none sm:flex-1 sm:basis-auto dark:text-slate-400">{children}</div>
        )}
        {account && (
          <div className="ml-auto">
            <UserMenu />
          </div>
        )}
      </div>
    </header>
  );
}
