"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import { matchAllowList, parseAllowList } from "@/lib/azure/allow-list";
import { usePublicConfig } from "@/lib/config/public-config";
import type { Nameable } from "@/lib/operations/display-name";
import { buildSupportReport, type ReportSources } from "@/lib/operations/support-report";
import { reportToMarkdown, reportToText } from "@/lib/operations/support-report-render";

type Format = "Markdown" | "text";

/**
 * "Copy support report" as Markdown or as text, for a ticket or a chat, on any operation (failed or not). The report is
 * built on click, from what has been read until then; where the clipboard is refused it is shown to copy by hand.
 */
export function SupportReportControls({ item, snapshot }: { item: Nameable; snapshot: ReportSources | undefined }) {
  const { devcenterAllowedHosts } = usePublicConfig();
  // No reset: a report to copy by hand must stay until the person has copied it.
  const { state, copy } = useCopyToClipboard();
  const [last, setLast] = useState<{ format: Format; text: string }>();

  const copyAs = (format: Format) => {
    const report = buildSupportReport({
      ref: item.ref,
      label: item.label,
      snapshot,
      now: Date.now(),
      devcenterOrigin: devcenterOriginOf(item, devcenterAllowedHosts),
    });
    const text = format === "Markdown" ? reportToMarkdown(report) : reportToText(report);
    setLast({ format, text });
    void copy(text);
  };

  return (
    <div role="group" aria-labelledby="support-report-label" data-testid="support-report" className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span id="support-report-label" className="text-sm text-slate-700 dark:text-slate-300">
          Copy support report
        </span>
        <Button size="sm" data-testid="copy-report-markdown" onClick={() => { copyAs("Markdown"); }}>
          Copy as Markdown
        </Button>
        <Button size="sm" data-testid="copy-report-text" onClick={() => { copyAs("text"); }}>
          Copy as text
        </Button>
        <span role="status" data-testid="support-report-status" className="text-xs text-slate-700 dark:text-slate-300">
          {state === "copied" && last ? `Support report copied as ${last.format}` : null}
          {state === "failed" ? "The browser refused the clipboard: copy the report below." : null}
        </span>
      </div>
      {state === "failed" && last ? (
        <textarea
          readOnly
          value={last.text}
          aria-label={`Support report as ${last.format}`}
          data-testid="support-report-fallback"
          rows={12}
          className={`w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${focusRing}`}
          onFocus={(e) => { e.currentTarget.select(); }}
        />
      ) : null}
    </div>
  );
}

/** The origin the proxy reads a DevCenter endpoint on (an allowed http origin in the demo), so the report names it. */
function devcenterOriginOf(item: Nameable, allowedHosts: string): string | undefined {
  if (item.ref.kind !== "devcenter") return undefined;
  const rules = parseAllowList(allowedHosts);
  return rules.ok ? matchAllowList(item.ref.endpointHost, rules.value) : undefined;
}
