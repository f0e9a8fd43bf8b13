import Link from "next/link";
import { UserMenu } from "@/components/auth/user-menu";
import { focusRing } from "@/components/ui/focus-ring";

export function AppHeader({ children }: { children?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-2">
        <Link href="/" className={`text-xl font-semibold tracking-tight ${focusRing}`}>
          opwatch
        </Link>
        <div className="min-w-0 flex-1 text-sm text-slate-600 dark:text-slate-400">{children}</div>
        <UserMenu />
      </div>
    </header>
  );
}
