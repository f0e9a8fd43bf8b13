import type { ConfigProblem } from "@/lib/config/config-problem";

/**
 * Shown instead of the app when its environment is incomplete or wrong: each setting, what is wrong, how to fix it.
 * Anyone may see it, signed in or not, so it never shows a value: the server's log has those (lib/config/server-config.ts).
 */
export function ConfigErrorPage({ problems }: { problems: readonly ConfigProblem[] }) {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <h1 className="text-2xl font-semibold">opwatch is not configured correctly</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        The server&apos;s environment needs {problems.length === 1 ? "one change" : `${problems.length} changes`}. Set the
        variables below and restart the server. The server&apos;s log shows the values it refused.
      </p>
      <ul className="mt-4 space-y-3">
        {problems.map((p, i) => (
          <li key={`${p.variable}-${i}`} className="rounded border border-red-300 p-3 dark:border-red-800">
            <p>
              <code className="font-semibold">{p.variable}</code> {p.problem}
            </p>
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{p.fix}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
