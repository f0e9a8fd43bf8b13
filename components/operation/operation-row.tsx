"use client";

import { OperationLink } from "@/components/operation/operation-link";
import { memo, useRef, useState } from "react";
import { useNameLinkRef, type NameLinks } from "@/components/dashboard/row-links";
import { useInView } from "@/components/hooks/use-in-view";
import { useOperationQuery } from "@/components/hooks/use-operation-query";
import { useReadInterest, useRequestRead } from "@/components/polling/fleet-provider";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { refKey } from "@/lib/azure/operation-ref";
import { describeOperation, displayName, fullDescription, labelOf, operationIdOf, resourceName, shortOperationId } from "@/lib/operations/display-name";
import { rowStateOf, unreadableOf } from "@/lib/polling/read-state";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { FirstReadLine } from "./first-read-line";
import { OperationTimes } from "./operation-times";
import { ProgressBar } from "./progress-bar";
import { ReadErrorLine } from "./read-error-line";
import { RowLabelEditor } from "./row-label-editor";
import { RowRootCause } from "./row-root-cause";
import { StatusBadge } from "./status-badge";
import { RemoveButton } from "./remove-button";
import { cardClass } from "@/components/ui/surface";

/**
 * One watched operation on the dashboard: its name (the person's label, else the resource) first, the GUID second and
 * shortened. Memoized: a poll of one operation re-renders only its own row.
 */
export const OperationRow = memo(function OperationRow({
  item,
  onRemove,
  onLabel,
  nameLinks,
}: {
  item: WatchItem;
  onRemove: (key: string) => void;
  onLabel: (key: string, label: string | undefined) => void;
  nameLinks: NameLinks;
}) {
  const query = useOperationQuery(item.ref);
  const rowRef = useRef<HTMLLIElement>(null);
  const labelButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  // Rows on screen are read first when the budget cannot serve every due read.
  useReadInterest(item.ref, useInView(rowRef) ? "onScreen" : undefined);
  const requestRead = useRequestRead();
  const snapshot = query.data;
  const operation = snapshot?.operation;
  const unreadable = unreadableOf(snapshot);
  const key = refKey(item.ref);
  const nameRef = useNameLinkRef(nameLinks, key);
  const name = displayName(item);
  const described = describeOperation(item);
  const label = labelOf(item);
  const operationId = operationIdOf(item.ref);

  const closeEditor = () => {
    setEditing(false);
    // Back to the button that opened the form, so keyboard users stay where they were.
    requestAnimationFrame(() => labelButton.current?.focus());
  };

  return (
    <li
      ref={rowRef}
      data-testid="operation-row"
      data-status-category={rowStateOf(snapshot)}
      data-ref-key={key}
      // Off-screen rows skip style and layout (they still update their text): with 500 rows, laying out all of them
      // on every poll result kept the main thread busy. "auto" remembers each row's last drawn height.
      className={`${cardClass} [contain-intrinsic-size:auto_7rem] [content-visibility:auto]`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge category={operation?.category} status={operation?.status} unreadable={unreadable} />
        {editing ? (
          <RowLabelEditor
            name={described}
            initial={label ?? ""}
            onSave={(value) => {
              onLabel(key, value);
              closeEditor();
            }}
            onCancel={closeEditor}
          />
        ) : (
          <OperationLink
            ref={nameRef}
            operationRef={item.ref}
            title={fullDescription(item)}
            data-testid="operation-name"
            // On a phone the name gets the whole first line (beside the badge and buttons it shrank to a letter or two).
            className={`order-first min-w-0 flex-1 basis-full truncate font-medium text-blue-700 underline-offset-2 hover:underline sm:order-none sm:basis-0 dark:text-blue-300 ${focusRing}`}
          >
            {name}
          </OperationLink>
        )}
        <div className="ml-auto flex items-center gap-1">
          {editing ? null : (
            <Button
              ref={labelButton}
              size="sm"
              variant="quiet"
              aria-label={label ? `Edit the label of ${described}` : `Add a label to ${described}`}
              onClick={() => {
                setEditing(true);
              }}
            >
              Label
            </Button>
          )}
          <RemoveButton operationKey={key} described={described} onRemove={onRemove} />
        </div>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
        <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">{item.ref.kind}</span>
        {label ? <span className="min-w-0 truncate">{resourceName(item.ref)}</span> : null}
        <span data-testid="operation-id" title={operationId} className="font-mono whitespace-nowrap">
          <span className="sr-only">operation id </span>
          {shortOperationId(item.ref)}
        </span>
        <CopyButton text={operationId} label={`Copy the operation id of ${described}`} />
      </div>
      <ProgressBar percent={operation?.percentComplete} category={operation?.category} label={`Progress of ${described}`} stopped={unreadable !== undefined} />
      <OperationTimes snapshot={snapshot} operationKey={key} compact />
      <RowRootCause operation={operation} />
      {snapshot ? (
        <ReadErrorLine
          snapshot={snapshot}
          operationKey={key}
          onRetry={() => {
            requestRead(item.ref);
          }}
        />
      ) : null}
      <FirstReadLine query={query} className="text-xs" />
    </li>
  );
});
