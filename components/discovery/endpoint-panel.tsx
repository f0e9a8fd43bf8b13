"use client";

import { useNow } from "@/components/hooks/use-now";
import { useEndpointDiscovery, useRequestSweep } from "@/components/polling/use-discovery";
import type { DiscoveredOperation } from "@/lib/discovery/discovery-types";
import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { EndpointView } from "./endpoint-view";

/** One endpoint, looked at while shown: its sweeps' findings come from the polling tab. */
export function EndpointPanel(props: {
  endpoint: DiscoveryEndpoint;
  myObjectId: string | undefined;
  watchedKeys: ReadonlySet<string>;
  onRemove: (host: string) => void;
  onAutoWatch: (host: string, on: boolean) => void;
  onWatch: (operations: readonly DiscoveredOperation[]) => void;
}) {
  const { endpoint, onRemove, onAutoWatch } = props;
  const discovery = useEndpointDiscovery(endpoint.host);
  const requestSweep = useRequestSweep();
  const now = useNow();
  return (
    <EndpointView
      {...props}
      discovery={discovery}
      now={now}
      onLookNow={() => {
        requestSweep(endpoint.host);
      }}
      onRemove={() => {
        onRemove(endpoint.host);
      }}
      onAutoWatch={(on) => {
        onAutoWatch(endpoint.host, on);
      }}
    />
  );
}
