"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";

/** Last line of defence: a rendering bug on one operation's page must not blank the app. */
export default function OperationPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-3 p-6">
      <h1 className="text-2xl font-semibold">This operation&apos;s page could not be shown</h1>
      <p role="alert" className="rounded border-l-4 border-red-600 bg-red-50 px-3 py-2 text-red-900 dark:bg-red-950 dark:text-red-100">
        {error.message || "An unexpected error occurred."}
        {error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <div className="flex gap-3">
        <Button variant="primary" size="md" onClick={reset}>
          Try again
        </Button>
        <Link href="/" className={`self-center text-blue-700 underline dark:text-blue-300 ${focusRing}`}>
          Go to the dashboard
        </Link>
      </div>
    </main>
  );
}
