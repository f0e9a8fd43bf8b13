import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import { nextSnapshot, type OperationSnapshot } from "@/lib/polling/snapshot";
import { runningOperation, statusResult } from "@/lib/dev/test-support/fetch-results";
import { IdentifiersDetails } from "./identifiers-details";
import { ProgressSection } from "./progress-section";

const T0 = Date.UTC(2026, 10, 28, 12);
const ref: DevopsRef = { kind: "devops", subscriptionId: "sub", resourceGroupName: "rg", securityConnectorName: "conn", operationResultId: "8d4caace-e7b3-4b3e-af99-73f76829ebcf" };

const readAt = (snapshot: OperationSnapshot | undefined, at: number, percent: number, category: "running" | "succeeded" = "running") =>
  nextSnapshot(snapshot, statusResult(at, runningOperation(T0, category === "running" ? "InProgress" : "Succeeded", category, percent)), at);

// Signed out here (no MSAL provider): no stored log, so the chart is drawn from the snapshot's reads alone.
const render = (snapshot: OperationSnapshot) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <ProgressSection operationRef={ref} operationKey="k" snapshot={snapshot} label="conn in rg" stopped={false} />
    </QueryClientProvider>,
  );

describe("ProgressSection", () => {
  it("draws no chart from a single read (a finished operation read once shows no empty chart)", () => {
    const html = render(readAt(undefined, T0, 100, "succeeded"));
    expect(html).not.toContain('data-testid="progress-chart"');
    expect(html).not.toContain("refresh-now");
  });

  it("draws the chart from two reads, named and summarised, and never as a Tab stop", () => {
    const html = render(readAt(readAt(undefined, T0, 10), T0 + 5000, 40));
    expect(html).toContain('data-testid="progress-chart"');
    expect(html).toContain('aria-label="Progress over the reads"');
    expect(html).toContain("Progress over the reads: 2 reads, from 10%");
    expect(html).not.toContain("tabindex");
    // A running operation can be refreshed.
    expect(html).toContain('data-testid="refresh-now"');
  });
});

describe("IdentifiersDetails", () => {
  it("is folded by default, with a copy for each identifier", () => {
    const html = renderToStaticMarkup(<IdentifiersDetails operationRef={ref} operation={undefined} />);
    expect(html).toMatch(/^<details[^>]*data-testid="identifiers"/);
    expect(html).not.toMatch(/<details[^>]*\sopen/);
    expect(html).toContain("<summary");
    expect(html).toContain('aria-label="Copy operationResultId"');
  });
});
