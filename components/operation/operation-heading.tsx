"use client";

import { CopyButton } from "@/components/ui/copy-button";
import {
  displayName,
  fullDescription,
  labelOf,
  operationIdOf,
  resourceName,
  shortOperationId,
  type Nameable,
} from "@/lib/operations/display-name";
import type { Operation } from "@/lib/operations/model";
import type { Unreadable } from "@/lib/polling/read-state";
import { ShareButton } from "./share-button";
import { StatusBadge } from "./status-badge";
import { WatchToggle } from "./watch-toggle";

/**
 * The top of the operation page: its state, its name as rows show it (the label, else the resource; never a bare GUID,
 * which broke the title at any character on a phone), the shortened id with its copy, and what a person does with it.
 */
export function OperationHeading({
  item,
  operation,
  unreadable,
}: {
  item: Nameable;
  operation: Operation | undefined;
  unreadable: Unreadable | undefined;
}) {
  const operationId = operationIdOf(item.ref);
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge category={operation?.category} status={operation?.status} unreadable={unreadable} />
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.ref.kind}</span>
      </div>
      <h1 id="operation-heading" title={fullDescription(item)} className="text-xl font-semibold break-words">
        {displayName(item)}
      </h1>
      <p className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
        {labelOf(item) ? <span className="break-words">{resourceName(item.ref)}</span> : null}
        <span data-testid="operation-id" title={operationId} className="font-mono text-xs whitespace-nowrap">
          <span className="sr-only">operation id </span>
          {shortOperationId(item.ref)}
        </span>
        <CopyButton text={operationId} label="Copy the operation id" />
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <ShareButton operationRef={item.ref} />
        <WatchToggle operationRef={item.ref} />
      </div>
    </div>
  );
}
