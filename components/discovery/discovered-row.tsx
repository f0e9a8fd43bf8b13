"use client";

import { OperationLink } from "@/components/operation/operation-link";
import { useId, useState } from "react";
import { ErrorTree } from "@/components/error-tree/error-tree";
import { StatusBadge } from "@/components/operation/status-badge";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import type { DiscoveredDevBox, DiscoveredOperation } from "@/lib/discovery/discovery-types";
import { formatTimestamp } from "@/lib/operations/format";
import { normalizeErrorBody, statusCategory } from "@/lib/operations/normalize";
import { devBoxStateWords, whoStarted } from "./discovered-groups";

/** One line of facts per row: wraps on a phone, never scrolls sideways. */
const ROW = "flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-200 px-1 py-2 text-sm dark:border-slate-700";
const FACTS = "flex min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400";
const NAME = "min-w-0 font-medium break-all text-slate-900 dark:text-slate-100";

/** A discovered operation: its dev box, project, kind, status verbatim, start, who started it, and Watch. */
export function DiscoveredRow({
  operation,
  watched,
  myObjectId,
  onWatch,
}: {
  operation: DiscoveredOperation;
  watched: boolean;
  myObjectId: string | undefined;
  onWatch: (operation: DiscoveredOperation) => void;
}) {
  const nameId = useId();
  const who = whoStarted(operation.createdByObjectId, myObjectId);
  return (
    <li data-testid="discovered-row" data-key={operation.key} data-group={operation.group} className={ROW}>
      <StatusBadge category={statusCategory(operation.status)} status={operation.status} />
      <span id={nameId} className={NAME}>
        {operation.kind} <span className="font-normal text-slate-600 dark:text-slate-400">on</span> {operation.devBoxName}
      </span>
      <span className={FACTS}>
        <span>
          <span className="sr-only">project </span>
          {operation.projectName}
        </span>
        <span>started {formatTimestamp(operation.startTime)}</span>
        <span title={who.full}>by {who.text}</span>
      </span>
      <span className="ml-auto">
        {watched ? (
          <OperationLink operationRef={operation.ref} aria-describedby={nameId} className={`text-sm text-blue-700 underline-offset-2 hover:underline dark:text-blue-300 ${focusRing}`}>
            Watching
          </OperationLink>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            aria-describedby={nameId}
            onClick={() => {
              onWatch(operation);
            }}
          >
            Watch
          </Button>
        )}
      </span>
      {operation.error !== undefined && operation.error !== null ? <OperationError error={operation.error} /> : null}
    </li>
  );
}

/** The error tree, mounted only once opened. */
function OperationError({ error }: { error: unknown }) {
  const [open, setOpen] = useState(false);
  const node = normalizeErrorBody({ error });
  if (!node) return null;
  return (
    <details
      className="basis-full"
      onToggle={(event) => {
        setOpen(event.currentTarget.open);
      }}
    >
      <summary className={`cursor-pointer rounded text-xs text-slate-700 dark:text-slate-300 ${focusRing}`}>
        Error: <span className="font-mono">{node.code ?? "(no code)"}</span>
      </summary>
      {open ? <ErrorTree error={node} /> : null}
    </details>
  );
}

/** A dev box in a transitional state: its provisioningState verbatim and what it means. */
export function DevBoxRow({ devBox }: { devBox: DiscoveredDevBox }) {
  const words = devBoxStateWords(devBox.provisioningState);
  return (
    <li data-testid="discovered-devbox" data-devbox={`${devBox.projectName}/${devBox.name}`} className={ROW}>
      <StatusBadge category="running" status={devBox.provisioningState} />
      <span className={NAME}>
        Dev box {devBox.name}
        {words ? <span className="font-normal text-slate-600 dark:text-slate-400"> {words}</span> : null}
      </span>
      <span className={FACTS}>
        <span>
          <span className="sr-only">project </span>
          {devBox.projectName}
        </span>
        {devBox.createdTime !== undefined ? <span>created {formatTimestamp(devBox.createdTime)}</span> : null}
      </span>
    </li>
  );
}
