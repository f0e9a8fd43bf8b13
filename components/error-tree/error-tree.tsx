"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import type { ErrorNode, Operation } from "@/lib/operations/model";
import { OWN_ERROR_ID, rootCauseOf } from "@/lib/operations/root-cause";
import { TreeItem } from "./error-tree-item";
import { allBranchIds, buildRoots, countNodes, nodeJson, openAlong, visibleNodes, type TreeNode } from "./error-tree-model";
import { ResponseIdList, type ResponseIds } from "./response-ids";

const NO_CHILDREN: readonly Operation[] = [];

export interface ErrorTreeProps {
  /** The operation's own error (or a failed read's); may be missing when only a child operation failed. */
  error: ErrorNode | undefined;
  /** The operation's child operations: the failed ones become branches, so their errors are in the tree too. */
  childOperations?: readonly Operation[] | undefined;
  ids?: ResponseIds | undefined;
  label?: string | undefined;
}

/**
 * A WAI-ARIA tree of an Azure error: one tab stop (roving tabindex), arrow keys, Home/End, Enter/Space to open and
 * close. It opens along the path to the root cause (root-cause.ts), and that node takes the tab stop; children mount
 * only when their parent is open, so a 1,000-node error opens as fast as a small one. Everything from Azure is text.
 */
export function ErrorTree({ error, childOperations = NO_CHILDREN, ids, label = "Error details" }: ErrorTreeProps) {
  const roots = useMemo(() => buildRoots(error, childOperations), [error, childOperations]);
  const total = useMemo(() => countNodes(roots), [roots]);
  const causePath = useMemo(() => rootCauseOf({ error, children: childOperations })?.path ?? [], [error, childOperations]);
  const firstId = roots[0]?.id ?? OWN_ERROR_ID;
  // Marked only below the top: a lone top error needs no "this one".
  const causeId = causePath.length > 1 ? causePath.at(-1) : undefined;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([firstId, ...openAlong(causePath)]));
  const [focusedId, setFocusedId] = useState(() => causePath.at(-1) ?? firstId);
  // A new cause (a child failed, then the operation) opens its path too, keeping what the person opened; the tab stop
  // stays put, as the person may be on it.
  const pathKey = causePath.join(" ");
  const [openedFor, setOpenedFor] = useState(pathKey);
  if (openedFor !== pathKey) {
    setOpenedFor(pathKey);
    setExpanded((prev) => new Set([...prev, ...openAlong(causePath)]));
  }
  const { state: copyState, copy } = useCopyToClipboard();
  const moveFocus = useRef(false);
  const treeId = useId();
  const domId = useCallback((id: string) => `${treeId}-${id}`, [treeId]);

  const visible = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const focused = visible.some((v) => v.node.id === focusedId) ? focusedId : (visible[0]?.node.id ?? firstId);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    document.getElementById(domId(focused))?.focus();
  }, [focused, domId]);

  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  // Stable, so copying never re-renders the memoized rows.
  const copyNode = useCallback(
    (node: TreeNode) => {
      void copy(JSON.stringify(nodeJson(node), null, 2));
    },
    [copy],
  );

  const focusNode = useCallback((id: string) => {
    moveFocus.current = true;
    setFocusedId(id);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const index = visible.findIndex((v) => v.node.id === focused);
    const current = visible[index];
    if (!current) return;
    const hasChildren = current.node.children.length > 0;
    const isOpen = expanded.has(current.node.id);
    let handled = true;
    switch (event.key) {
      case "ArrowDown": {
        const next = visible[index + 1];
        if (next) focusNode(next.node.id);
        break;
      }
      case "ArrowUp": {
        const previous = visible[index - 1];
        if (previous) focusNode(previous.node.id);
        break;
      }
      case "ArrowRight":
        if (hasChildren && !isOpen) toggle(current.node.id);
        else if (hasChildren) {
          const child = current.node.children[0];
          if (child) focusNode(child.id);
        }
        break;
      case "ArrowLeft":
        if (hasChildren && isOpen) toggle(current.node.id);
        else if (current.parentId !== undefined) focusNode(current.parentId);
        break;
      case "Home": {
        const first = visible[0];
        if (first) focusNode(first.node.id);
        break;
      }
      case "End": {
        const last = visible.at(-1);
        if (last) focusNode(last.node.id);
        break;
      }
      case "Enter":
      case " ":
        if (event.target !== event.currentTarget && (event.target as HTMLElement).tagName === "BUTTON") {
          handled = false;
        } else if (hasChildren) toggle(current.node.id);
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  return (
    <section data-testid="error-tree" aria-label={label} className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button
          onClick={() => {
            setExpanded(allBranchIds(roots));
          }}
        >
          Expand all
        </Button>
        <Button
          onClick={() => {
            setExpanded(new Set());
            setFocusedId(firstId);
          }}
        >
          Collapse all
        </Button>
        <span className="text-slate-600 dark:text-slate-400">
          {total} {total === 1 ? "node" : "nodes"} · arrow keys move, Enter opens and closes
        </span>
        <span role="status" className="text-slate-600 dark:text-slate-400">
          {copyState === "copied" ? "Copied the node as JSON" : copyState === "failed" ? "The browser refused the clipboard" : ""}
        </span>
      </div>
      {ids ? <ResponseIdList ids={ids} /> : null}
      <ul role="tree" aria-label={label} onKeyDown={onKeyDown} className="text-sm">
        {visible.map((v) => (
          <TreeItem
            key={v.node.id}
            node={v.node}
            level={v.level}
            posinset={v.posinset}
            setsize={v.setsize}
            isOpen={expanded.has(v.node.id)}
            isFocused={focused === v.node.id}
            isCause={causeId === v.node.id}
            domId={domId}
            onToggle={toggle}
            onFocusNode={setFocusedId}
            onCopy={copyNode}
          />
        ))}
      </ul>
    </section>
  );
}
