"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { focusRing } from "@/components/ui/focus-ring";

/**
 * MSAL v5 sends popup and silent-iframe sign-in responses here; this page hands them to the window that asked and
 * closes. It lives outside the (app) group: no providers, no MSAL instance, nothing else runs. proxy.ts serves it
 * without Cross-Origin-Opener-Policy, as Microsoft's guide requires: COOP here would cut it off from that window.
 */
export default function RedirectBridgePage() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import("@azure/msal-browser/redirect-bridge")
      .then(({ broadcastResponseToMainFrame }) => broadcastResponseToMainFrame())
      .catch(() => {
        setFailed(true);
      });
  }, []);
  return (
    <main className="mx-auto max-w-xl p-6">
      {failed ? (
        <p>
          There is no sign-in to complete here. <Link className={`text-blue-700 underline dark:text-blue-300 ${focusRing}`} href="/">
            Open opwatch
          </Link>
        </p>
      ) : (
        <p role="status">Completing sign-in…</p>
      )}
    </main>
  );
}
