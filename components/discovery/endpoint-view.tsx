"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { surfaceClass } from "@/components/ui/surface";
import { Switch } from "@/components/ui/switch";
import type { DiscoveredOperation, EndpointDiscovery } from "@/lib/discovery/discovery-types";
import { shortEndpointHost } from "@/lib/operations/display-name";
import { countOf, formatAgo, formatTimeOfDay } from "@/lib/operations/format";
import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { activeNotWatched, discoveredParts } from "./discovered-groups";
import { DevBoxRow, DiscoveredRow } from "./discovered-row";
import { EndpointProblemNotice, isLasting } from "./endpoint-problem";

/** Where a person without a dev box makes one. */
const DEV_PORTAL = "https://devportal.microsoft.com";
const MUTED = "text-sm text-slate-600 dark:text-slate-400";

export interface EndpointViewProps {
  endpoint: DiscoveryEndpoint;
  discovery: EndpointDiscovery;
  now: number;
  myObjectId: string | undefined;
  watchedKeys: ReadonlySet<string>;
  onLookNow: () => void;
  onRemove: () => void;
  onAutoWatch: (on: boolean) => void;
  onWatch: (operations: readonly DiscoveredOperation[]) => void;
}

/**
 * One endpoint's dev boxes and the operations on them: what is running first, then what failed in the last day, then
 * the rest folded. Pure of hooks that read: the caller passes what the sweeps found, so every state can be shown as is.
 */
export function EndpointView({ endpoint, discovery, now, myObjectId, watchedKeys, onLookNow, onRemove, onAutoWatch, onWatch }: EndpointViewProps) {
  const headingId = useId();
  const [added, setAdded] = useState<number | undefined>();
  const parts = discoveredParts(discovery);
  const toWatch = activeNotWatched(parts.active, watchedKeys);
  const { problem } = discovery;
  const short = shortEndpointHost(endpoint.host);
  const nothingYet = discovery.devBoxes.length === 0 && discovery.operations.length === 0;
  const watchOne = (operation: DiscoveredOperation) => {
    onWatch([operation]);
  };
  const row = (operation: DiscoveredOperation) => (
    <DiscoveredRow key={operation.key} operation={operation} watched={watchedKeys.has(operation.key)} myObjectId={myObjectId} onWatch={watchOne} />
  );

  return (
    <li data-testid="dev-boxes-endpoint" data-host={endpoint.host} aria-labelledby={headingId} className={`flex flex-col gap-2 p-3 ${surfaceClass}`}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 id={headingId} title={endpoint.host} className="min-w-0 font-semibold break-all">
          {short}
        </h3>
        <div className="ml-auto flex items-center gap-1">
          <Button size="sm" onClick={onLookNow}>
            Look now
          </Button>
          <Button size="sm" variant="danger" aria-label={`Remove endpoint ${endpoint.host}`} onClick={onRemove}>
            Remove endpoint
          </Button>
        </div>
      </div>
      {/* One line whatever it says, so a pause and its end do not move the rows. */}
      <p data-testid="dev-boxes-swept" className={`min-h-5 ${MUTED}`}>
        {problem?.kind === "throttled"
          ? `DevCenter asked opwatch to wait; looking again at ${formatTimeOfDay(problem.until)}`
          : discovery.sweptAt === undefined
            ? nothingYet
              ? "Finding your dev boxes…"
              : "Looking at the rest of your dev boxes…"
            : `Looked ${formatAgo(discovery.sweptAt, now)}${discovery.sweeping ? " · looking again…" : ""}`}
      </p>
      {isLasting(problem) ? <EndpointProblemNotice problem={problem} host={endpoint.host} /> : null}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Switch checked={endpoint.autoWatch} onChange={onAutoWatch}>
          Watch new operations automatically
        </Switch>
        <span className="flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            disabled={toWatch.length === 0}
            onClick={() => {
              onWatch(toWatch);
              setAdded(toWatch.length);
            }}
          >
            Watch all running
          </Button>
          <span className={MUTED} data-testid="watch-all-count">
            {added !== undefined && toWatch.length === 0
              ? `${countOf(added, "operation")} added to your watch list`
              : `${countOf(toWatch.length, "running operation")} not watched yet`}
          </span>
        </span>
      </div>
      {discovery.sweptAt !== undefined && nothingYet && !problem ? (
        <p className={MUTED}>
          No dev boxes of yours at this endpoint. Create one in the{" "}
          <a href={DEV_PORTAL} target="_blank" rel="noreferrer" className={`text-blue-700 underline dark:text-blue-300 ${focusRing}`}>
            developer portal
          </a>
          , or check that this is your dev center&apos;s endpoint.
        </p>
      ) : null}
      {parts.busyDevBoxes.length + parts.active.length + parts.failed.length > 0 ? (
        <ul aria-label={`Running and failed on ${short}`}>
          {parts.busyDevBoxes.map((box) => (
            <DevBoxRow key={`${box.projectName}/${box.name}`} devBox={box} />
          ))}
          {parts.active.map(row)}
          {parts.failed.map(row)}
        </ul>
      ) : discovery.sweptAt !== undefined && !nothingYet ? (
        <p className={MUTED}>Nothing running or failed on your dev boxes in the last 24 hours.</p>
      ) : null}
      {parts.done.length > 0 ? (
        <details>
          <summary className={`cursor-pointer rounded text-sm ${focusRing}`}>Finished in the last 24 h ({parts.done.length})</summary>
          <ul aria-label={`Finished on ${short}`}>{parts.done.map(row)}</ul>
        </details>
      ) : null}
    </li>
  );
}
