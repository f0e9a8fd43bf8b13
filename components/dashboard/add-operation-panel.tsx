"use client";

import { useMemo, useState } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { READABLE_APIS } from "@/lib/azure/foreign-api";
import { devcenterHostCheck } from "@/lib/azure/paste-plan";
import { usePublicConfig } from "@/lib/config/public-config";
import type { AddFormProps } from "./add-form-props";
import { IdsForm } from "./add-operation-ids-form";
import { PasteForm } from "./paste-form";

export type { AddOutcome } from "@/lib/azure/paste-plan";

/**
 * Where operations join the watch list: pasted (many at once) or by their ids. Both refuse, before adding, a DevCenter
 * host that the server's DEVCENTER_ALLOWED_HOSTS would refuse, since such a row could never be read.
 */
export function AddOperationPanel({ onAdd }: Pick<AddFormProps, "onAdd">) {
  const { devcenterAllowedHosts } = usePublicConfig();
  const checkHost = useMemo(() => devcenterHostCheck(devcenterAllowedHosts), [devcenterAllowedHosts]);
  const [summary, setSummary] = useState<string[]>([]);

  return (
    <section aria-labelledby="add-operation-heading" className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h2 id="add-operation-heading" className="text-lg font-semibold">
        Add operations
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">opwatch reads two Azure APIs: {READABLE_APIS}.</p>
      <PasteForm checkHost={checkHost} onAdd={onAdd} onDone={setSummary} />
      <div role="status" data-testid="add-operation-status" className={`mt-2 text-sm break-words ${STATUS_COLORS.succeeded.text}`}>
        {summary.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <details className="mt-3">
        <summary className={`cursor-pointer text-sm text-blue-700 dark:text-blue-300 ${focusRing}`}>Or enter its ids</summary>
        <IdsForm checkHost={checkHost} onAdd={onAdd} onDone={setSummary} />
      </details>
    </section>
  );
}
