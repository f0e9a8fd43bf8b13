"use client";

import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { useCopyToClipboard } from "@/components/ui/use-copy-to-clipboard";
import type { ErrorNode } from "@/lib/operations/model";
import { formatJson } from "@/lib/operations/format";
import { allBranchIds, buildTree, countNodes, nodeJson, visibleNodes, type TreeNode } from "./error-tree-model";

/**
 * A WAI-ARIA tree of an Azure error: one tab stop (roving tabindex), arrow keys, Home/End, Enter/Space to open and
 * close. Children mount only when their parent is open, so a 1,000-node error opens as fast as a small one.
 * Everything from Azure is rendered as text.
 */
export interface ResponseIds {
  errorCode: string | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
}

export function ErrorTree({ error, ids, label = "Error details" }: { error: ErrorNode; ids?: ResponseIds; label?: string }) {
  const roots = useMemo(() => [buildTree(error)], [error]);
  const total = useMemo(() => countNodes(roots), [roots]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(["e"]));
  const [focusedId, setFocusedId] = useState("e");
  const { state: copyState, copy } = useCopyToClipboard();
  const moveFocus = useRef(false);
  const treeId = useId();
  const domId = useCallback((id: string) => `${treeId}-${id}`, [treeId]);

  const visible = useMemo(() => visibleNodes(roots, expanded), [roots, expanded]);
  const focused = visible.some((v) => v.node.id === focusedId) ? focusedId : (visible[0]?.node.id ?? "e");

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
            setFocusedId("e");
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
      {ids && (ids.errorCode ?? ids.requestId ?? ids.correlationId) ? (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
          {ids.errorCode ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">x-ms-error-code</dt>
              <dd className="break-all font-mono">{ids.errorCode}</dd>
            </>
          ) : null}
          {ids.requestId ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">x-ms-request-id</dt>
              <dd className="break-all font-mono">{ids.requestId}</dd>
            </>
          ) : null}
          {ids.correlationId ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">x-ms-correlation-request-id</dt>
              <dd className="break-all font-mono">{ids.correlationId}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
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

interface TreeItemProps {
  node: TreeNode;
  level: number;
  posinset: number;
  setsize: number;
  isOpen: boolean;
  isFocused: boolean;
  domId: (id: string) => string;
  onToggle: (id: string) => void;
  onFocusNode: (id: string) => void;
  onCopy: (node: TreeNode) => void;
}

/**
 * One row of the tree. The tree is rendered flat (aria-level/posinset/setsize carry the structure, as ARIA allows), so
 * each item's name is its own content, and only the visible rows exist in the DOM.
 */
const TreeItem = memo(function TreeItem(props: TreeItemProps) {
  const { node, level, posinset, setsize, isOpen, isFocused, domId, onToggle, onFocusNode, onCopy } = props;
  const hasChildren = node.children.length > 0;
  return (
    <li
      id={domId(node.id)}
      role="treeitem"
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-expanded={hasChildren ? isOpen : undefined}
      aria-selected={isFocused}
      tabIndex={isFocused ? 0 : -1}
      data-node-kind={node.kind}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusNode(node.id);
      }}
      // A margin, not a padding: the item's box is exactly its row, so the focus outline frames the row, not the indent.
      style={{ marginLeft: `${(level - 1) * 1.25}rem` }}
      className={`rounded ${focusRing}`}
    >
      <div
        className={`flex items-start gap-1 rounded px-1 py-0.5 ${level > 1 ? "border-l border-slate-200 dark:border-slate-700" : ""} ${isFocused ? "bg-blue-50 dark:bg-blue-950" : ""}`}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("button")) return;
          onFocusNode(node.id);
          document.getElementById(domId(node.id))?.focus();
          if (hasChildren) onToggle(node.id);
        }}
      >
        <span aria-hidden="true" className="w-4 shrink-0 select-none text-center text-slate-500 dark:text-slate-400">
          {hasChildren ? (isOpen ? "▾" : "▸") : "·"}
        </span>
        <div className="min-w-0 flex-1">
          <NodeContent node={node} />
        </div>
        <Button
          tabIndex={isFocused ? 0 : -1}
          onClick={() => {
            onCopy(node);
          }}
          className="shrink-0"
        >
          Copy JSON
        </Button>
      </div>
    </li>
  );
});

function NodeContent({ node }: { node: TreeNode }) {
  if (node.kind === "error") {
    const { code, message, target, details, additionalInfo } = node.error;
    return (
      <span className="flex flex-col">
        <span>
          <span className="font-mono font-semibold text-red-800 dark:text-red-300">{code ?? "(no code)"}</span>
          {target !== undefined ? <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">target: {target}</span> : null}
          {details.length > 0 || additionalInfo.length > 0 ? (
            <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
              {details.length > 0 ? `${details.length} ${details.length === 1 ? "detail" : "details"}` : ""}
              {details.length > 0 && additionalInfo.length > 0 ? ", " : ""}
              {additionalInfo.length > 0 ? `${additionalInfo.length} additional info` : ""}
            </span>
          ) : null}
        </span>
        {message !== undefined ? <span className="whitespace-pre-wrap break-words">{message}</span> : null}
      </span>
    );
  }
  if (node.kind === "additionalInfo") {
    return (
      <span className="flex flex-col">
        <span className="text-xs">
          additionalInfo · type <span className="font-mono font-semibold">{node.entry.type ?? "(none)"}</span>
        </span>
        <pre className="mt-0.5 whitespace-pre-wrap break-all rounded bg-slate-100 p-1 text-xs dark:bg-slate-800">
          {formatJson(node.entry.info, "(no info)")}
        </pre>
      </span>
    );
  }
  return (
    <span className="text-xs">
      innererror · code <span className="font-mono font-semibold">{node.code ?? "(none)"}</span>
    </span>
  );
}
