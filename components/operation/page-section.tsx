import type { ReactNode } from "react";

/** The frame of every section of the operation page: one look, and a heading that names it for assistive tech. */
export function PageSection({ id, title, testId, children }: { id: string; title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section
      data-testid={testId}
      aria-labelledby={`${id}-heading`}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
