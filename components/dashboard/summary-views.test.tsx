import { QueryClient } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createWatchedSummaryStore } from "@/components/hooks/watched-summary-store";
import { refKey } from "@/lib/azure/operation-ref";
import { nextSnapshot } from "@/lib/polling/snapshot";
import { operationKeys } from "@/lib/query/keys";
import { readErrorResult, runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { sampleDevopsRef } from "@/lib/dev/test-support/operation-fixtures";
import type { WatchItem } from "@/lib/watch-list/watch-list";
import { ClearButtons, HeaderCounts, SectionCounts } from "./summary-views";

const items: WatchItem[] = ["a", "b", "c", "d"].map((id) => ({ ref: { ...sampleDevopsRef, operationResultId: id }, addedAt: 0 }));
const keys = items.map((i) => refKey(i.ref));

function storeWith(states: ("running" | "succeeded" | "failed" | "gone")[]) {
  const client = new QueryClient();
  states.forEach((state, i) => {
    const result =
      state === "gone"
        ? readErrorResult(0, 404, undefined, { code: "NotFound" })
        : statusResult(0, runningOperation(0, state, state));
    client.setQueryData(operationKeys.byKey(keys[i] ?? ""), nextSnapshot(undefined, result, 0));
  });
  return createWatchedSummaryStore(client, items, keys);
}

describe("HeaderCounts", () => {
  it("counts failed and unreadable operations as needing attention", () => {
    const html = renderToStaticMarkup(<HeaderCounts store={storeWith(["running", "succeeded", "failed", "gone"])} />);
    expect(html).toContain('data-count="2"');
    expect(html.replace(/<[^>]+>/g, "")).toBe("4 watched · 1 running · 2 need attention");
    expect(html).toContain("whitespace-nowrap");
  });

  it("says so quietly when nothing does", () => {
    const html = renderToStaticMarkup(<HeaderCounts store={storeWith(["running"])} />);
    expect(html.replace(/<[^>]+>/g, "")).toBe("4 watched · 1 running · 0 need attention");
    expect(html).not.toContain("font-semibold");
  });

  it("says it is reading until something has been read, rather than counting nothing", () => {
    const html = renderToStaticMarkup(<HeaderCounts store={storeWith([])} />);
    expect(html.replace(/<[^>]+>/g, "")).toBe("4 watched · reading…");
    expect(html).not.toContain("needs-attention");
  });
});

describe("SectionCounts", () => {
  it("says it is reading until something has been read", () => {
    expect(renderToStaticMarkup(<SectionCounts store={storeWith([])} />).replace(/<[^>]+>/g, "")).toBe("4 · reading…");
  });

  it("names rows that cannot be read instead of leaving them out of every count", () => {
    const text = renderToStaticMarkup(<SectionCounts store={storeWith(["gone", "succeeded"])} />).replace(/<[^>]+>/g, "");
    expect(text).toBe("4 · 0 running · 1 finished · 1 cannot be read");
  });
});

describe("ClearButtons", () => {
  it("clears succeeded and canceled apart from failed and unreadable", () => {
    const html = renderToStaticMarkup(<ClearButtons store={storeWith(["succeeded", "failed", "gone"])} onClear={() => undefined} />);
    expect(html).toMatch(/data-testid="clear-finished"[^>]*>Clear succeeded &amp; canceled \(1\)</);
    expect(html).toMatch(/data-testid="clear-failed"[^>]*>Clear failed &amp; unreadable \(2\)</);
  });

  it("disables a button with nothing to clear", () => {
    const html = renderToStaticMarkup(<ClearButtons store={storeWith(["running"])} onClear={() => undefined} />);
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });
});
