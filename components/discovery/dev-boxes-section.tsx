"use client";

import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { devcenterEndpointRefusal } from "@/lib/azure/paste-plan";
import { useObjectId } from "@/lib/auth/use-account-id";
import { usePublicConfig } from "@/lib/config/public-config";
import type { DiscoveredOperation } from "@/lib/discovery/discovery-types";
import { watchLabelOf } from "@/lib/discovery/watch-label";
import { shortEndpointHost } from "@/lib/operations/display-name";
import { offeredEndpoints, type EndpointRemoval } from "@/lib/watch-list/endpoint-list";
import { watchItemKey } from "@/lib/watch-list/store";
import { useDiscoveryEndpoints } from "@/lib/watch-list/use-discovery-endpoints";
import { useWatchList } from "@/lib/watch-list/use-watch-list";
import { AddEndpointForm } from "./add-endpoint-form";
import { EndpointPanel } from "./endpoint-panel";

const MUTED = "text-sm text-slate-600 dark:text-slate-400";

/**
 * "Your dev boxes": per DevCenter endpoint the person named, their dev boxes and the operations on them, found without
 * pasting. A discovered operation, once watched, is an ordinary watched one.
 */
export default function DevBoxesSection() {
  const { state, store } = useWatchList();
  const { endpoints, add, setAutoWatch } = useDiscoveryEndpoints();
  const myObjectId = useObjectId();
  const { devcenterAllowedHosts, discoveryEndpoints } = usePublicConfig();
  const refusal = useMemo(() => devcenterEndpointRefusal(devcenterAllowedHosts), [devcenterAllowedHosts]);
  const watchedKeys = useMemo(() => new Set(state.items.map(watchItemKey)), [state.items]);
  const listed = useMemo(() => new Set(endpoints.map((e) => e.host)), [endpoints]);
  const offers = useMemo(
    () =>
      offeredEndpoints(
        discoveryEndpoints,
        state.items.flatMap((item) => (item.ref.kind === "devcenter" ? [item.ref.endpointHost] : [])),
        endpoints,
      ),
    [discoveryEndpoints, state.items, endpoints],
  );
  const [removed, setRemoved] = useState<EndpointRemoval | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);

  const watch = (operations: readonly DiscoveredOperation[]) => {
    const watched = new Set(store.getSnapshot().items.map(watchItemKey));
    for (const operation of operations) if (!watched.has(operation.key)) store.add(operation.ref, watchLabelOf(operation));
  };
  const remove = (host: string) => {
    setRemoved(store.removeEndpoint(host));
    // The pressed button is gone: focus goes where the person can go on from.
    heading.current?.focus();
  };

  if (!state.loaded) return null;
  return (
    <section aria-labelledby="dev-boxes-heading" data-testid="dev-boxes" className="flex flex-col gap-2">
      <h2 id="dev-boxes-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Your dev boxes
      </h2>
      <p className={MUTED}>
        opwatch looks at each DevCenter endpoint below for your dev boxes and the operations on them, wherever they were
        started. Microsoft Security DevOps operation results cannot be found this way: Azure keeps no list of them and
        their id is only in the Azure-AsyncOperation header of the write that started them, so paste those above.
      </p>
      {/* Always in the page: a live region that appears with its text is often not announced. */}
      <div role="status">
        {removed ? (
          <p className="flex flex-wrap items-center gap-2 text-sm">
            Removed endpoint {removed.endpoint.host}.
            <Button
              size="sm"
              onClick={() => {
                store.restoreEndpoint(removed);
                setRemoved(undefined);
              }}
            >
              Undo
            </Button>
          </p>
        ) : null}
      </div>
      {offers.map(({ host, reason }) => (
        <p key={host} data-testid="dev-boxes-offer" className="text-sm">
          <Button
            size="sm"
            variant="secondary"
            title={host}
            onClick={() => {
              add(host);
            }}
          >
            Find your dev boxes at {shortEndpointHost(host)}
          </Button>{" "}
          <span className={MUTED}>{reason === "configured" ? "(offered by whoever runs opwatch)" : "(you watch operations there)"}</span>
        </p>
      ))}
      {endpoints.length > 0 ? (
        <ul aria-label="DevCenter endpoints" className="flex flex-col gap-3">
          {endpoints.map((endpoint) => (
            <EndpointPanel
              key={endpoint.host}
              endpoint={endpoint}
              myObjectId={myObjectId}
              watchedKeys={watchedKeys}
              onRemove={remove}
              onAutoWatch={setAutoWatch}
              onWatch={watch}
            />
          ))}
        </ul>
      ) : null}
      <AddEndpointForm listed={listed} refusal={refusal} onAdd={add} />
    </section>
  );
}
