import { CopyButton } from "@/components/ui/copy-button";

/** The headers Azure support asks for first; they travel with the error they explain. */
export interface ResponseIds {
  errorCode: string | undefined;
  requestId: string | undefined;
  correlationId: string | undefined;
  /** The id the proxy sent Azure with that read (Azure logs it beside its own). */
  clientRequestId: string | undefined;
}

/** The response's ids above the tree; the ids a support case needs can be copied whole with one click. */
export function ResponseIdList({ ids }: { ids: ResponseIds }) {
  const rows: { name: string; value: string | undefined; copy: boolean }[] = [
    { name: "x-ms-error-code", value: ids.errorCode, copy: false },
    { name: "x-ms-request-id", value: ids.requestId, copy: true },
    { name: "x-ms-correlation-request-id", value: ids.correlationId, copy: true },
    { name: "x-ms-client-request-id", value: ids.clientRequestId, copy: true },
  ];
  const shown = rows.filter((row) => row.value);
  if (shown.length === 0) return null;
  return (
    <dl data-testid="response-ids" className="grid grid-cols-1 gap-x-2 gap-y-0.5 text-xs sm:grid-cols-[max-content_1fr]">
      {shown.map(({ name, value = "", copy }) => (
        <div key={name} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{name}</dt>
          <dd className="flex min-w-0 items-start gap-2">
            <code data-testid={`response-id-${name}`} className="min-w-0 break-all font-mono">
              {value}
            </code>
            {copy ? <CopyButton text={value} label={`Copy ${name}`} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
