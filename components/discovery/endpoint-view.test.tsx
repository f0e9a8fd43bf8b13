import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { refKey, type DevcenterRef } from "@/lib/azure/operation-ref";
import type { DiscoveredDevBox, DiscoveredGroup, DiscoveredOperation, EndpointDiscovery, EndpointProblem } from "@/lib/discovery/discovery-types";
import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { EndpointView, type EndpointViewProps } from "./endpoint-view";

// A watched operation's row links its page, which asks Next's router to fetch it when pointed at; no router here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const HOST = "72f988bf-86f1-41af-91ab-2d7cd011db47-contoso-dc.westus3.devcenter.azure.com";
const ME = "11111111-2222-3333-4444-555555555555";
const OTHER = "99999999-8888-7777-6666-000000000000";
const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);

function operation(n: number, group: DiscoveredGroup, more: Partial<DiscoveredOperation> = {}): DiscoveredOperation {
  const ref: DevcenterRef = { kind: "devcenter", endpointHost: HOST, projectName: "proj-a", operationId: `0b1c2d3e-0000-4000-8000-00000000000${String(n)}` };
  const status = group === "active" ? "Running" : group === "failed" ? "Failed" : "Succeeded";
  return {
    ref,
    key: refKey(ref),
    projectName: "proj-a",
    devBoxName: `box-${String(n)}`,
    kind: "Start",
    status,
    group,
    createdByObjectId: ME,
    startTime: NOW - 60_000,
    endTime: undefined,
    error: undefined,
    ...more,
  };
}

const devBox = (name: string, provisioningState: string, transitional: boolean): DiscoveredDevBox => ({
  endpointHost: HOST,
  projectName: "proj-a",
  name,
  poolName: "pool",
  provisioningState,
  actionState: undefined,
  powerState: "Running",
  transitional,
  createdTime: undefined,
  error: undefined,
});

const endpoint: DiscoveryEndpoint = { host: HOST, addedAt: 0, autoWatch: false, autoWatchSince: undefined, autoWatched: [] };

function discovery(more: Partial<EndpointDiscovery> = {}): EndpointDiscovery {
  return { endpointHost: HOST, sweptAt: NOW - 5000, sweeping: false, nextSweepAt: undefined, devBoxes: [], operations: [], problem: undefined, ...more };
}

function render(more: Partial<EndpointViewProps> = {}): string {
  const noop = () => undefined;
  return renderToStaticMarkup(
    <EndpointView
      endpoint={endpoint}
      discovery={discovery()}
      now={NOW}
      myObjectId={ME}
      watchedKeys={new Set()}
      onLookNow={noop}
      onRemove={noop}
      onAutoWatch={noop}
      onWatch={noop}
      {...more}
    />,
  );
}

const rowKeys = (html: string) => [...html.matchAll(/data-testid="discovered-row" data-key="([^"]+)"/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&quot;", '"').replaceAll("&#x27;", "'");

describe("EndpointView", () => {
  it("names the endpoint short, the whole host on hover, with Look now, Remove and the switch", () => {
    const html = render();
    expect(html).toMatch(new RegExp(`<h3[^>]*title="${HOST}"[^>]*>contoso-dc.westus3</h3>`));
    expect(html).toMatch(/<button[^>]*>Look now<\/button>/);
    expect(html).toMatch(/role="switch" aria-checked="false"[^>]*>.*Watch new operations automatically<\/button>/);
    expect(render({ endpoint: { ...endpoint, autoWatch: true } })).toContain('role="switch" aria-checked="true"');
  });

  it("says it is finding dev boxes before the first sweep, that it goes on while a first sweep has found some, and when it last looked after", () => {
    expect(text(render({ discovery: discovery({ sweptAt: undefined }) }))).toContain("Finding your dev boxes…");
    const partly = discovery({ sweptAt: undefined, operations: [operation(1, "active")] });
    expect(text(render({ discovery: partly }))).toContain("Looking at the rest of your dev boxes…");
    expect(text(render())).toContain("Looked 5 s ago");
  });

  it("lists active operations first, then failed, then the finished ones folded with their count", () => {
    const ops = [operation(1, "active"), operation(2, "failed"), operation(3, "done"), operation(4, "active"), operation(5, "done")];
    const html = render({ discovery: discovery({ operations: ops, devBoxes: [devBox("box-1", "Succeeded", false)] }) });
    expect(rowKeys(html)).toEqual([ops[0], ops[3], ops[1], ops[2], ops[4]].map((op) => op?.key));
    const folded = html.slice(html.indexOf("<details>"));
    expect(rowKeys(folded)).toEqual([ops[2]?.key, ops[4]?.key]);
    expect(text(folded)).toContain("Finished in the last 24 h (2)");
  });

  it("shows a row's dev box, project, kind, status verbatim and who started it", () => {
    const ops = [operation(1, "active", { status: "Spinning" }), operation(2, "active", { createdByObjectId: OTHER, kind: "CaptureSnapshot" })];
    const html = render({ discovery: discovery({ operations: ops }) });
    const [mine = "", theirs = ""] = html.split('data-testid="discovered-row"').slice(1);
    expect(text(mine)).toMatch(/Spinning.*Start on box-1.*proj-a.*by you/);
    expect(mine).toContain('data-status-category="unknown"');
    expect(text(theirs)).toContain("CaptureSnapshot on box-2");
    expect(theirs).toMatch(new RegExp(`title="${OTHER}">by 999999…0000<`));
  });

  it("offers Watch, or links a watched operation's permalink", () => {
    const ops = [operation(1, "active"), operation(2, "active")];
    const html = render({ discovery: discovery({ operations: ops }), watchedKeys: new Set([ops[1]?.key ?? ""]) });
    expect(html.match(/>Watch<\/button>/g)).toHaveLength(1);
    expect(html).toMatch(/<a [^>]*href="\/op\/devcenter\/[^"]+-000000000002"[^>]*>Watching<\/a>/);
    expect(text(html)).toContain("1 running operation not watched yet");
  });

  it("disables Watch all running when every running operation is watched", () => {
    const ops = [operation(1, "active")];
    const html = render({ discovery: discovery({ operations: ops }), watchedKeys: new Set([ops[0]?.key ?? ""]) });
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Watch all running<\/button>/);
    expect(text(html)).toContain("0 running operations not watched yet");
  });

  it("shows dev boxes in a transitional state with their state verbatim, before the operations", () => {
    const html = render({
      discovery: discovery({ operations: [operation(1, "active")], devBoxes: [devBox("new-box", "Creating", true), devBox("old-box", "Deleting", true), devBox("ok-box", "Succeeded", false)] }),
    });
    const boxes = html.split('data-testid="discovered-devbox"').slice(1).map(text);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toMatch(/Creating.*Dev box new-box being created/);
    expect(boxes[1]).toMatch(/Deleting.*Dev box old-box being deleted/);
    expect(html.indexOf("discovered-devbox")).toBeLessThan(html.indexOf("discovered-row"));
  });

  it("offers a failed operation's error through the error tree", () => {
    const failed = operation(1, "failed", { error: { code: "RepairFailed", message: "the agent did not answer", details: [{ code: "AgentTimeout", message: "inner" }] } });
    const html = render({ discovery: discovery({ operations: [failed] }) });
    expect(text(html)).toContain("Error: RepairFailed");
    expect(html).toContain("<details");
  });

  it("says when there are no dev boxes, and where to make one", () => {
    const html = render();
    expect(text(html)).toContain("No dev boxes of yours at this endpoint");
    expect(html).toContain('href="https://devportal.microsoft.com"');
    expect(text(render({ discovery: discovery({ sweptAt: undefined }) }))).not.toContain("No dev boxes");
  });

  const problem = (p: EndpointProblem) => text(render({ discovery: discovery({ problem: p }) }));

  it.each<[EndpointProblem, RegExp]>([
    [{ kind: "refused", httpStatus: 400, code: "EndpointNotAllowed", message: "not allowed" }, new RegExp(`${HOST}: it is not in DEVCENTER_ALLOWED_HOSTS.*Ask whoever runs opwatch`)],
    [{ kind: "forbidden", httpStatus: 403, code: "Forbidden", message: "no" }, /did not let you read this dev center's lists.*Dev Box User of a project.*403 Forbidden: no/],
    [{ kind: "signIn", message: "interaction_required" }, /sign in again/],
    [{ kind: "failed", httpStatus: 503, code: "ServiceUnavailable", message: "down" }, /last look at this endpoint failed.*503 ServiceUnavailable: down/],
  ])("says what happened and what to do: %o", (p, words) => {
    const said = problem(p);
    expect(said).toMatch(words);
    expect(said).not.toContain("No dev boxes of yours");
  });

  it("says when DevCenter asked to wait, on the line that says when it last looked", () => {
    const until = new Date(2026, 2, 1, 14, 3, 7).getTime();
    const html = render({ discovery: discovery({ problem: { kind: "throttled", httpStatus: 429, until } }) });
    expect(html).toMatch(/data-testid="dev-boxes-swept"[^>]*>DevCenter asked opwatch to wait; looking again at 14:03:07</);
    expect(html).not.toContain("dev-boxes-problem");
  });
});
