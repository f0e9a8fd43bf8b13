"use client";

import { memo, type CSSProperties } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import { formatJson } from "@/lib/operations/format";
import { CodeWords } from "@/components/ui/code-words";
import type { TreeNode } from "./error-tree-model";

export interface TreeItemProps {
  node: TreeNode;
  level: number;
  posinset: number;
  setsize: number;
  isOpen: boolean;
  isFocused: boolean;
  /** The innermost error the views name (root-cause.ts): marked so the eye finds it in an opened tree. */
  isCause: boolean;
  domId: (id: string) => string;
  onToggle: (id: string) => void;
  onFocusNode: (id: string) => void;
  onCopy: (node: TreeNode) => void;
}

/**
 * Long targets and GUIDs wrap inside their column instead of running under the Copy JSON button. Codes wrap between
 * their words (CodeWords); breaking anywhere is left for a word wider than the column.
 */
const WRAP = "[overflow-wrap:anywhere]";
const MUTED = "text-xs text-slate-600 dark:text-slate-400";

/**
 * One row of the tree. The tree is rendered flat (aria-level/posinset/setsize carry the structure, as ARIA allows), so
 * each item's name is its own content, and only the visible rows exist in the DOM.
 */
export const TreeItem = memo(function TreeItem(props: TreeItemProps) {
  const { node, level, posinset, setsize, isOpen, isFocused, isCause, domId, onToggle, onFocusNode, onCopy } = props;
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
      data-node-id={node.id}
      data-root-cause={isCause ? "true" : undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusNode(node.id);
      }}
      // A margin, not a padding: the item's box is exactly its row, so the focus outline frames the row, not the indent.
      // Narrower steps on a phone, so a deep cause keeps room for its words.
      style={{ "--tree-level": level - 1 } as CSSProperties}
      className={`ml-[calc(var(--tree-level)*0.75rem)] rounded sm:ml-[calc(var(--tree-level)*1.25rem)] ${focusRing}`}
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
          <NodeContent node={node} isCause={isCause} />
        </div>
        <Button
          tabIndex={isFocused ? 0 : -1}
          onClick={() => {
            onCopy(node);
          }}
          className="shrink-0"
          data-testid="copy-node-json"
        >
          Copy JSON
        </Button>
      </div>
    </li>
  );
});

/** Code, then " · target: …": real spaces between them, so a double-click on the code selects the code alone. */
function NodeContent({ node, isCause }: { node: TreeNode; isCause: boolean }) {
  const cause = isCause ? <CauseMark /> : null;
  if (node.kind === "error") {
    const { code, message, target, details, additionalInfo } = node.error;
    const counts = [
      details.length > 0 ? `${details.length} ${details.length === 1 ? "detail" : "details"}` : undefined,
      additionalInfo.length > 0 ? `${additionalInfo.length} additional info` : undefined,
    ].filter((part) => part !== undefined);
    return (
      <span className="flex flex-col">
        <span className={WRAP}>
          <span data-testid="error-code" className={`font-mono font-semibold ${STATUS_COLORS.failed.text}`}>
            {code === undefined ? "(no code)" : <CodeWords code={code} />}
          </span>
          {target !== undefined ? (
            <span className={MUTED}>
              {" · "}
              <span data-testid="error-target">target: {target}</span>
            </span>
          ) : null}
          {counts.length > 0 ? <span className={MUTED}>{` · ${counts.join(", ")}`}</span> : null}
          {cause}
        </span>
        {message !== undefined ? <span className={`whitespace-pre-wrap ${WRAP}`}>{message}</span> : null}
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
  if (node.kind === "childOperation") {
    const { status, category } = node.operation;
    return (
      <span className={`text-sm ${WRAP}`}>
        <span className={MUTED}>child operation </span>
        <span className="font-mono font-semibold">{node.label}</span>
        <span className={MUTED}>{" · "}</span>
        <span className={`text-xs font-medium ${STATUS_COLORS[category].text}`}>{status ?? "(no status)"}</span>
      </span>
    );
  }
  return (
    <span className={`text-xs ${WRAP}`}>
      innererror · code <span className="font-mono font-semibold">{node.code === undefined ? "(none)" : <CodeWords code={node.code} />}</span>
      {cause}
    </span>
  );
}

function CauseMark() {
  return (
    <>
      {" "}
      <span className="whitespace-nowrap rounded-full bg-red-100 px-1.5 text-xs font-medium text-red-900 dark:bg-red-900 dark:text-red-100">
        root cause
      </span>
    </>
  );
}
