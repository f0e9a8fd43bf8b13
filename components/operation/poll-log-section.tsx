"use client";

import { useState } from "react";
import { usePollLog } from "@/components/hooks/use-poll-log";
import { Button } from "@/components/ui/button";
import type { PollLogState } from "@/lib/poll-log/poll-log-writer";
import type { OperationSnapshot } from "@/lib/polling/snapshot";
import { PageSection } from "./page-section";
import { pollLogLines } from "./poll-log-lines";
import { PollLogTable } from "./poll-log-table";
import { countOf } from "@/lib/operations/format";

/**
 * Every read of the operation, newest first: when, what came back, how long it took, whether Azure asked to wait,
 * the id to quote to Azure, and why the next read is when it is. The last 200 survive a reload (lib/poll-log).
 */

/** Enough to see the recent rhythm without a page of rows; the rest is one click away. */
const FIRST_LINES = 20;

const KEPT_TEXT: Record<PollLogState, string | undefined> = {
  opening: undefined,
  kept: "This browser keeps the last 200 reads of each operation, so they are still here after a reload.",
  unavailable: "This browser does not keep the poll log (IndexedDB is unavailable, as in some private windows): it lists the reads since this page opened.",
  full: "The browser's storage is full: new reads are no longer kept after a reload.",
};

export function PollLogSection({ operationKey, snapshot }: { operationKey: string; snapshot: OperationSnapshot | undefined }) {
  const { reads, state } = usePollLog(operationKey, snapshot);
  const [all, setAll] = useState(false);
  const shown = all ? reads.length : FIRST_LINES;
  const lines = pollLogLines(reads, shown);
  const kept = KEPT_TEXT[state];
  return (
    <PageSection id="poll-log" title="Poll log" testId="poll-log">
      {kept ? (
        <p data-testid="poll-log-kept" data-state={state} className="text-xs text-slate-600 dark:text-slate-400">
          {kept}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="text-sm">No reads yet.</p>
      ) : (
        <PollLogTable
          lines={lines}
          caption={lines.length < reads.length ? `The last ${lines.length} of ${reads.length} reads, newest first` : `${countOf(reads.length, "read")}, newest first`}
        />
      )}
      {reads.length > FIRST_LINES ? (
        <div>
          <Button
            variant="outline"
            size="sm"
            aria-expanded={all}
            onClick={() => {
              setAll(!all);
            }}
          >
            {all ? `Show the last ${FIRST_LINES}` : `Show all ${reads.length} reads`}
          </Button>
        </div>
      ) : null}
    </PageSection>
  );
}
