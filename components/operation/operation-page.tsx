"use client";

import { useMemo } from "react";
import { RunningTitle } from "@/components/dashboard/running-title";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { AppHeader } from "@/components/layout/app-header";
import { CompletionNotices } from "@/components/notifications/completion-notices";
import { useRequestRead } from "@/components/polling/fleet-provider";
import { useOpenInterest } from "@/components/polling/use-open-interest";
import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { describeOperation, type Nameable } from "@/lib/operations/display-name";
import { unreadableOf } from "@/lib/polling/read-state";
import { isSnapshotRunning } from "@/lib/polling/snapshot";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { ChildrenSection } from "./children-section";
import { FirstReadLine } from "./first-read-line";
import { IdentifiersDetails } from "./identifiers-details";
import { OperationHeading } from "./operation-heading";
import { OperationOutcome } from "./operation-outcome";
import { PollLogSection } from "./poll-log-section";
import { ProgressSection } from "./progress-section";
import { ReadErrorLine } from "./read-error-line";
import { ResponseDetails } from "./response-details";
import { SupportReportControls } from "./support-report-controls";
import { PAGE_WIDTH } from "@/components/layout/page-width";

/**
 * One operation's permalink page, shared with every other view through one query. In the order a person needs it:
 * what it is and its state; what it came to (the error, or the result); progress and times; its children; then,
 * folded or last, identifiers and the raw response.
 */
export function OperationPage({ operationRef }: { operationRef: OperationRef }) {
  const query = useOperationQuery(operationRef);
  useOpenInterest(operationRef);
  const requestRead = useRequestRead();
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const unreadable = unreadableOf(snapshot);
  const key = refKey(operationRef);
  const item = useNamed(operationRef, key);
  const described = describeOperation(item);
  // The last known state (before this page's first read) is shown, never announced nor counted in the title.
  const read = query.isPlaceholderData ? undefined : snapshot;
  const readOperation = read?.operation;
  const observed = useMemo(
    () => [{ key, label: described, category: readOperation?.category, status: readOperation?.status, operation: readOperation }],
    [key, described, readOperation],
  );

  return (
    <>
      <RunningTitle running={isSnapshotRunning(read) ? 1 : 0} item={item} />
      <AppHeader />
      <main className={`${PAGE_WIDTH} flex min-w-0 flex-col gap-4 p-4`}>
        <CompletionNotices observed={observed} />
        <section className="flex min-w-0 flex-col gap-2" aria-labelledby="operation-heading">
          <OperationHeading item={item} operation={operation} unreadable={unreadable} />
          <SupportReportControls item={item} snapshot={snapshot} />
          {snapshot ? (
            <ReadErrorLine
              snapshot={snapshot}
              operationKey={key}
              lastingOnly
              onRetry={() => {
                requestRead(operationRef);
              }}
            />
          ) : null}
          <FirstReadLine query={query} className="text-sm" />
        </section>

        <OperationOutcome snapshot={snapshot} />
        <ProgressSection operationRef={operationRef} operationKey={key} snapshot={snapshot} label={described} stopped={unreadable !== undefined} />
        {operation && operation.children.length > 0 ? <ChildrenSection operation={operation} /> : null}
        <IdentifiersDetails operationRef={operationRef} operation={operation} />
        <ResponseDetails snapshot={snapshot} />
        <PollLogSection operationKey={key} snapshot={snapshot} />
      </main>
    </>
  );
}

/** The operation as rows name it: with the person's label when it is on their watch list and has one. */
function useNamed(operationRef: OperationRef, key: string): Nameable {
  const { state } = useWatchList();
  const label = state.items.find((watched) => refKey(watched.ref) === key)?.label;
  return useMemo(() => ({ ref: operationRef, label }), [operationRef, label]);
}
