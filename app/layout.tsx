import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "opwatch",
  description: "Watch Azure long-running operations",
};

// Every page, the redirect bridge and the not-found page included, renders per request: proxy.ts gives each response
// a fresh CSP nonce, and Next can put it on its scripts only while rendering (a prerendered page's scripts have none).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
