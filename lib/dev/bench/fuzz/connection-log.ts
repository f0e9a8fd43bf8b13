/**
 * Reads what record-connections.mjs wrote in the app's server: every outgoing request and connection, and which of
 * them went somewhere the allow-list does not name.
 */

export interface LoggedTarget {
  /** Which layer saw it: http.request, https.get, socket.connect… */
  via: string;
  /** host:port, the host lower-cased, IPv6 without brackets, without a trailing dot. */
  target: string;
}

/** `host` as one spelling: "LOCALHOST." and "localhost" are the same place, as are "[::1]" and "::1". */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

export function parseConnectionLog(text: string): LoggedTarget[] {
  const entries: LoggedTarget[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [via = "", host = "", port = ""] = line.split("\t");
    entries.push({ via, target: `${normalizeHost(host)}:${port}` });
  }
  return entries;
}

/** An origin such as "http://127.0.0.1:4010" as the host:port a connection to it is logged with. */
export function originTarget(origin: string): string {
  const url = new URL(origin);
  return `${normalizeHost(url.hostname)}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

export interface ConnectionSummary {
  /** Requests and connections per layer. */
  byVia: Map<string, number>;
  /** Each target off the allow-list, with how many times it was called. */
  offList: Map<string, number>;
  offListTotal: number;
}

export function summarizeConnections(entries: readonly LoggedTarget[], allowed: ReadonlySet<string>): ConnectionSummary {
  const byVia = new Map<string, number>();
  const offList = new Map<string, number>();
  let offListTotal = 0;
  for (const { via, target } of entries) {
    byVia.set(via, (byVia.get(via) ?? 0) + 1);
    if (allowed.has(target)) continue;
    offList.set(target, (offList.get(target) ?? 0) + 1);
    offListTotal++;
  }
  return { byVia, offList, offListTotal };
}
