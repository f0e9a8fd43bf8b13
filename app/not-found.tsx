import type { Metadata } from "next";
import { PlainPage } from "@/components/layout/plain-page";

export const metadata: Metadata = { title: "Page not found · opwatch" };

/** Any address opwatch has no page for (the framework's default page offered no way back). */
export default function NotFound() {
  return (
    <PlainPage title="There is no opwatch page here" testId="not-found">
      <p className="text-slate-700 dark:text-slate-300">
        The address may be mistyped, or cut short when it was copied. An operation&apos;s link starts with{" "}
        <code className="font-mono">/op/devops/</code> or <code className="font-mono">/op/devcenter/</code>; the dashboard
        lists the operations you watch.
      </p>
    </PlainPage>
  );
}
