import type { EndpointDiscovery } from "@/lib/discovery/discovery-types";

/**
 * What this tab knows of each endpoint's discovery: from its own sweeps while it polls, else as the polling tab sent
 * it. The views read it per endpoint; every change tells every listener (there are a few endpoints, not hundreds).
 */
export class DiscoveryViews {
  private readonly views = new Map<string, EndpointDiscovery>();
  private readonly listeners = new Set<() => void>();

  get(endpointHost: string): EndpointDiscovery | undefined {
    return this.views.get(endpointHost);
  }

  set(discovery: EndpointDiscovery): void {
    this.views.set(discovery.endpointHost, discovery);
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
