import { CopyButton } from "@/components/ui/copy-button";
import type { PollLogLine } from "./poll-log-lines";

/**
 * The poll log's rows. A table from a small screen up; on a phone each row becomes a short stack of labelled lines,
 * so the page never scrolls sideways (the labels are read there only, where the column headers are not shown).
 */

const COLUMNS = ["Time", "HTTP status", "Latency", "Retry-After", "Request id", "Next read"] as const;

const cell = "px-2 py-1 align-top max-sm:flex max-sm:gap-2 max-sm:px-0 max-sm:py-0.5";
const phoneLabel = (text: string) => <span className="w-24 shrink-0 text-slate-600 sm:hidden dark:text-slate-400">{text}</span>;

export function PollLogTable({ lines, caption }: { lines: readonly PollLogLine[]; caption: string }) {
  return (
    <table className="w-full text-left text-sm max-sm:block" data-testid="poll-log-table">
      <caption className="pb-1 text-left text-xs text-slate-600 max-sm:block dark:text-slate-400">{caption}</caption>
      <thead className="max-sm:sr-only">
        <tr>
          {COLUMNS.map((name) => (
            <th key={name} scope="col" className="px-2 py-1 font-medium whitespace-nowrap">
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {lines.map((line) => (
          <tr key={line.id} data-testid="poll-log-row" className="border-t border-slate-200 max-sm:block max-sm:py-2 dark:border-slate-700">
            <td className={`${cell} whitespace-nowrap`}>
              {phoneLabel("Time")}
              <time dateTime={new Date(line.at).toISOString()}>{line.time}</time>
            </td>
            <td data-testid="poll-log-status" className={`${cell} ${line.failed ? "text-red-700 dark:text-red-300" : ""}`}>
              {phoneLabel("HTTP status")}
              <span className="min-w-0 break-words">{line.status}</span>
            </td>
            <td data-testid="poll-log-latency" className={`${cell} whitespace-nowrap`}>
              {phoneLabel("Latency")}
              {line.latency}
            </td>
            <td data-testid="poll-log-retry-after" className={`${cell} whitespace-nowrap`}>
              {phoneLabel("Retry-After")}
              {line.retryAfter}
            </td>
            <td className={cell}>
              {phoneLabel("Request id")}
              <RequestIds line={line} />
            </td>
            <td data-testid="poll-log-next" className={`${cell} lg:min-w-48`}>
              {phoneLabel("Next read")}
              <span className="min-w-0">{line.next}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** x-ms-request-id (with its copy, the one Azure support asks for first), and the client request id the proxy sent. */
function RequestIds({ line }: { line: PollLogLine }) {
  if (!line.requestId && !line.clientRequestId) return <span>—</span>;
  return (
    <span className="flex min-w-0 flex-col gap-0.5">
      {line.requestId ? (
        <span className="flex min-w-0 items-center gap-2">
          <code data-testid="poll-log-request-id" className="min-w-0 font-mono text-xs break-all">
            {line.requestId}
          </code>
          <CopyButton text={line.requestId} label={`Copy the request id of the read at ${line.time}`} />
        </span>
      ) : null}
      {line.clientRequestId ? (
        <span data-testid="poll-log-client-request-id" className="min-w-0 font-mono text-xs break-all text-slate-600 dark:text-slate-400">
          client {line.clientRequestId}
        </span>
      ) : null}
    </span>
  );
}
