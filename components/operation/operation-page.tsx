"use client";

import { memo, useMemo } from "react";
import { LazyProgressChart, LazyTimelineChart } from "@/components/charts/lazy-charts";
import type { TimelineItem } from "@/components/charts/timeline-chart";
import { RunningTitle } from "@/components/dashboard/running-title";
import { ErrorTree } from "@/components/error-tree/error-tree";
import { useSteppedNow } from "@/components/hooks/use-now";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { NextReadLine } from "@/components/polling/next-read-line";
import { useReadInterest, useRequestRead } from "@/components/polling/fleet-provider";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { AppHeader } from "@/components/layout/app-header";
import { CompletionNotices } from "@/components/notifications/completion-notices";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { PATH_PARAMS, refKey, refLabel, refSegments, type OperationRef } from "@/lib/azure/operation-ref";
import { formatTimestamp } from "@/lib/operations/format";
import { isTerminal, type Operation } from "@/lib/operations/model";
import { hasWatchItem } from "@/lib/watch-list/watch-list";
import { pollSchedule, predictedFinishOf } from "@/lib/polling/schedule";
import { isSnapshotRunning, type OperationSnapshot } from "@/lib/polling/snapshot";
import { ChildOperations } from "./child-operations";
import { JsonBlock } from "./json-block";
import { OperationTimes } from "./operation-times";
import { ProgressBar } from "./progress-bar";
import { ReadErrorLine } from "./read-error-line";
import { ShareButton } from "./share-button";
import { StatusBadge } from "./status-badge";

const sectionClass = "flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700";
const ProgressChart = memo(LazyProgressChart);
const TimelineChart = memo(LazyTimelineChart);

/** One operation's permalink page: everything known about it, shared with every other view through one query. */
export function OperationPage({ operationRef }: { operationRef: OperationRef }) {
  const query = useOperationQuery(operationRef);
  useReadInterest(operationRef, "open");
  const requestRead = useRequestRead();
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const label = refLabel(operationRef);
  const key = refKey(operationRef);
  const observed = useMemo(
    () => [{ key, label, category: operation?.category, status: operation?.status }],
    [key, label, operation?.category, operation?.status],
  );

  return (
    <>
      <RunningTitle running={isSnapshotRunning(snapshot) ? 1 : 0} base={`${operationRef.kind === "devops" ? operationRef.operationResultId : operationRef.operationId} · opwatch`} />
      <AppHeader />
      <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4">
        <CompletionNotices observed={observed} />
        <section className="flex flex-col gap-2" aria-labelledby="operation-heading">
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge category={operation?.category} status={operation?.status} />
            <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{operationRef.kind}</span>
          </div>
          <h1 id="operation-heading" className="break-all text-xl font-semibold">
            {label}
          </h1>
          <div className="flex flex-wrap items-center gap-3">
            <ShareButton operationRef={operationRef} />
            <WatchToggle operationRef={operationRef} />
          </div>
          <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${label}`} />
          <OperationTimes snapshot={snapshot} operationKey={key} />
          <NextReadLine operationKey={key} />
          {snapshot ? (
            <ReadErrorLine
              snapshot={snapshot}
              operationKey={key}
              onRetry={() => {
                requestRead(operationRef);
              }}
            />
          ) : null}
          {query.isPending ? <p className="text-sm text-slate-600 dark:text-slate-400">Reading status…</p> : null}
        </section>

        <IdsSection operationRef={operationRef} operation={operation} />

        {operation?.error ? (
          <section className={sectionClass} aria-labelledby="error-heading">
            <h2 id="error-heading" className="text-lg font-semibold">
              Error
            </h2>
            <ErrorTree
              error={operation.error}
              label="Operation error"
              ids={
                snapshot?.lastResponse && snapshot.lastResponse.httpStatus < 400
                  ? { errorCode: snapshot.lastResponse.errorCode, requestId: snapshot.lastResponse.requestId, correlationId: snapshot.lastResponse.correlationId }
                  : undefined
              }
            />
          </section>
        ) : null}

        {snapshot?.lastReadError?.errorTree ? (
          <section className={sectionClass} aria-labelledby="read-error-heading">
            <h2 id="read-error-heading" className="text-lg font-semibold">
              Why the last read failed
            </h2>
            <ErrorTree
              error={snapshot.lastReadError.errorTree}
              label="Error of the last read"
              ids={{
                errorCode: snapshot.lastResponse?.errorCode,
                requestId: snapshot.lastReadError.requestId,
                correlationId: snapshot.lastReadError.correlationId,
              }}
            />
          </section>
        ) : null}

        {snapshot ? <ProgressSection snapshot={snapshot} /> : null}

        {operation && operation.children.length > 0 ? <ChildrenSection operation={operation} /> : null}

        {operation && (operation.resourceId !== undefined || operation.properties !== undefined) ? (
          <section className={sectionClass} aria-labelledby="result-heading">
            <h2 id="result-heading" className="text-lg font-semibold">
              Result
            </h2>
            {operation.resourceId !== undefined ? (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="text-slate-600 dark:text-slate-400">resourceId</span>
                <code className="break-all font-mono text-xs">{operation.resourceId}</code>
                <CopyButton text={operation.resourceId} label="Copy resourceId" />
              </div>
            ) : null}
            {operation.properties !== undefined ? <JsonBlock value={operation.properties} label="properties" /> : null}
          </section>
        ) : null}

        {operation && operation.issues.length > 0 ? (
          <section className={sectionClass} aria-labelledby="issues-heading">
            <h2 id="issues-heading" className="text-lg font-semibold">
              What was unusual in the response
            </h2>
            <ul className="list-disc pl-5 text-sm">
              {operation.issues.map((issue, i) => (
                <li key={i}>{issue}</li>
              ))}
            </ul>
          </section>
        ) : null}

        {snapshot?.lastResponse ? (
          <section className={sectionClass} aria-labelledby="raw-heading">
            <h2 id="raw-heading" className="text-lg font-semibold">
              Last response
            </h2>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              HTTP {snapshot.lastResponse.httpStatus} at {formatTimestamp(snapshot.lastResponse.at)}
              {snapshot.lastResponse.requestId ? ` · x-ms-request-id ${snapshot.lastResponse.requestId}` : ""}
              {snapshot.lastResponse.correlationId ? ` · x-ms-correlation-request-id ${snapshot.lastResponse.correlationId}` : ""}
            </p>
            <details>
              <summary className={`cursor-pointer text-sm text-blue-700 dark:text-blue-300 ${focusRing}`}>
                Raw JSON
              </summary>
              <JsonBlock value={snapshot.lastResponse.body} label="raw response" />
            </details>
          </section>
        ) : null}
      </main>
    </>
  );
}

function WatchToggle({ operationRef }: { operationRef: OperationRef }) {
  const { state, store } = useWatchList();
  if (!state.loaded) return null;
  const watched = hasWatchItem(state.items, operationRef);
  return watched ? (
    <span className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      On your watch list
      <Button
        variant="outline"
        size="xs"
        onClick={() => {
          store.remove([refKey(operationRef)]);
        }}
      >
        Remove
      </Button>
    </span>
  ) : (
    <Button
      variant="secondary"
      size="md"
      data-testid="add-to-watch-list"
      onClick={() => {
        store.add(operationRef);
      }}
    >
      Add to watch list
    </Button>
  );
}

function IdsSection({ operationRef, operation }: { operationRef: OperationRef; operation: Operation | undefined }) {
  const values = refSegments(operationRef);
  const rows: [string, string][] = PATH_PARAMS[operationRef.kind].map((name, i) => [name, values[i] ?? ""]);
  if (operation?.name !== undefined) rows.push(["name (from the response)", operation.name]);
  if (operation?.id !== undefined) rows.push(["id (from the response)", operation.id]);
  return (
    <section className={sectionClass} aria-labelledby="ids-heading">
      <h2 id="ids-heading" className="text-lg font-semibold">
        Identifiers
      </h2>
      <dl className="grid grid-cols-1 gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
            <dd className="flex min-w-0 items-center gap-2">
              <code className="break-all font-mono text-xs">{value}</code>
              <CopyButton text={value} label={`Copy ${name}`} />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ProgressSection({ snapshot }: { snapshot: OperationSnapshot }) {
  const running = snapshot.operation !== undefined && !isTerminal(snapshot.operation.category);
  // The schedule's own prediction: what the page shows is what the next read was timed by.
  const estimate = running && pollSchedule(snapshot).decision.poll ? predictedFinishOf(snapshot) : undefined;
  const lastReadAt = snapshot.history.at(-1)?.at ?? 0;
  if (snapshot.progress.length === 0) return null;
  return (
    <section className={sectionClass} aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress over the polls
      </h2>
      <p className="text-sm" data-testid="estimated-finish">
        {estimate !== undefined
          ? estimate > lastReadAt
            ? `Estimated finish at the current rate: ${formatTimestamp(estimate)}`
            : `Past the estimated finish (${formatTimestamp(estimate)}): the last steps take longer than the percentage suggested.`
          : running
            ? "No estimate yet: the percentage has not moved enough."
            : "The operation has ended."}
      </p>
      <ProgressChart points={snapshot.progress} estimate={estimate} />
    </section>
  );
}

function ChildrenSection({ operation }: { operation: Operation }) {
  const now = useSteppedNow(5000);
  const items = useMemo<TimelineItem[]>(
    () =>
      operation.children.flatMap((child, i) =>
        child.startTime === undefined
          ? []
          : [{ key: String(i), name: child.name ?? child.id ?? `child ${i + 1}`, start: child.startTime, end: child.endTime, category: child.category }],
      ),
    [operation.children],
  );
  return (
    <section className={sectionClass} aria-labelledby="children-heading">
      <h2 id="children-heading" className="text-lg font-semibold">
        Child operations ({operation.children.length})
      </h2>
      <ChildOperations operations={operation.children} now={now} />
      {items.length > 0 ? <TimelineChart items={items} now={now} label="Start and end of the child operations" /> : null}
    </section>
  );
}
