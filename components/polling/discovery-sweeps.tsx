"use client";

import type { DiscoveryEndpoint } from "@/lib/watch-list/discovery-endpoint";
import { useDiscoveryEndpoints } from "@/lib/watch-list/use-discovery-endpoints";
import { useFleetView } from "./fleet-provider";
import { useAutoWatch, type AutoWatchNotes } from "./use-auto-watch";
import { useEndpointDiscovery } from "./use-discovery";

/**
 * The person's endpoints are swept on every opwatch page, not only where their dev boxes are shown, so that
 * auto-watch keeps adding while an operation's page is open; a hidden tab asks for nothing (use-discovery.ts).
 */
export function DiscoverySweeps() {
  const kept = useDiscoveryEndpoints();
  const adds = useFleetView().role === "polling";
  return kept.endpoints.map((endpoint) => <EndpointSweeps key={endpoint.host} endpoint={endpoint} adds={adds} kept={kept} />);
}

function EndpointSweeps({ endpoint, adds, kept }: { endpoint: DiscoveryEndpoint; adds: boolean; kept: AutoWatchNotes }) {
  const discovery = useEndpointDiscovery(endpoint.host);
  useAutoWatch(endpoint, discovery, adds, kept);
  return null;
}
