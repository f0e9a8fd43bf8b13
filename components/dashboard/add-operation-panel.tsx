"use client";

import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { matchAllowList, parseAllowList } from "@/lib/azure/allow-list";
import { PATH_PARAMS, refFromSegments, refLabel, type OperationKind, type OperationRef } from "@/lib/azure/operation-ref";
import { validateParam, type ParamName } from "@/lib/azure/params";
import { parsePastedOperation } from "@/lib/azure/paste-parser";
import { usePublicConfig } from "@/lib/config/public-config";

export type AddOutcome = "added" | "duplicate";

const FIELD_LABELS: Record<ParamName, string> = {
  subscriptionId: "Subscription id",
  resourceGroupName: "Resource group",
  securityConnectorName: "Security connector",
  operationResultId: "Operation result id",
  endpointHost: "DevCenter endpoint host (host[:port])",
  projectName: "Project",
  operationId: "Operation id",
};

const inputClass = `w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 ${focusRing}`;

/** Warns when a DevCenter host is not one the proxy may call (the proxy would refuse it with EndpointNotAllowed). */
function useHostWarning(): (ref: OperationRef) => string | undefined {
  const { devcenterAllowedHosts } = usePublicConfig();
  const rules = useMemo(() => parseAllowList(devcenterAllowedHosts), [devcenterAllowedHosts]);
  return (ref) => {
    if (ref.kind !== "devcenter") return undefined;
    if (!rules.ok) return `The server's DevCenter allow-list is unreadable (${rules.error}); this operation may not be readable.`;
    return matchAllowList(ref.endpointHost, rules.value) === undefined
      ? `${ref.endpointHost} is not in this server's DevCenter allow-list (${devcenterAllowedHosts}): the proxy will refuse to read it.`
      : undefined;
  };
}

export function AddOperationPanel({ onAdd }: { onAdd: (ref: OperationRef) => AddOutcome }) {
  const hostWarning = useHostWarning();
  const [announcement, setAnnouncement] = useState("");
  const [warning, setWarning] = useState<string | undefined>();

  const add = (ref: OperationRef) => {
    const outcome = onAdd(ref);
    setWarning(hostWarning(ref));
    setAnnouncement(outcome === "added" ? `Added ${refLabel(ref)}` : `Already watching ${refLabel(ref)}`);
  };

  return (
    <section aria-labelledby="add-operation-heading" className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <h2 id="add-operation-heading" className="mb-2 text-lg font-semibold">
        Add an operation
      </h2>
      <PasteForm onAdd={add} />
      <details className="mt-3">
        <summary className={`cursor-pointer text-sm text-blue-700 dark:text-blue-300 ${focusRing}`}>
          Or enter its ids
        </summary>
        <IdsForm onAdd={add} />
      </details>
      <div role="status" className="mt-2 text-sm">
        {announcement ? <p className="text-green-800 dark:text-green-300">{announcement}</p> : null}
        {warning ? <p className="text-amber-800 dark:text-amber-300">⚠ {warning}</p> : null}
      </div>
    </section>
  );
}

function PasteForm({ onAdd }: { onAdd: (ref: OperationRef) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | undefined>();
  const id = useId();

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    const parsed = parsePastedOperation(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(undefined);
    setText("");
    onAdd(parsed.value);
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-1" noValidate>
      <label htmlFor={`${id}-paste`} className="text-sm">
        Paste an operation URL (Azure-AsyncOperation, Location or Operation-Location), an ARM id or an opwatch link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <textarea
          id={`${id}-paste`}
          data-testid="add-operation-paste"
          rows={2}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) submit(e);
          }}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${id}-paste-error` : undefined}
          spellCheck={false}
          placeholder="https://management.azure.com/subscriptions/…/operationResults/…"
          className={`${inputClass} font-mono`}
        />
        <Button type="submit" variant="primary" size="md" className="self-start" data-testid="add-operation-submit">
          Watch
        </Button>
      </div>
      {error ? (
        <p id={`${id}-paste-error`} role="alert" data-testid="add-operation-error" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function IdsForm({ onAdd }: { onAdd: (ref: OperationRef) => void }) {
  const [kind, setKind] = useState<OperationKind>("devops");
  const [values, setValues] = useState<Partial<Record<ParamName, string>>>({});
  const [touched, setTouched] = useState<ReadonlySet<ParamName>>(new Set());
  const [formError, setFormError] = useState<string | undefined>();
  const id = useId();
  const names = PATH_PARAMS[kind];

  const fieldError = (name: ParamName): string | undefined => {
    if (!touched.has(name)) return undefined;
    const checked = validateParam(name, values[name] ?? "");
    return checked.ok ? undefined : checked.error.message;
  };

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    setTouched(new Set(names));
    const ref = refFromSegments(
      kind,
      names.map((name) => (values[name] ?? "").trim()),
    );
    if (!ref.ok) {
      setFormError(ref.error.message);
      return;
    }
    setFormError(undefined);
    setValues({});
    setTouched(new Set());
    onAdd(ref.value);
  };

  return (
    <form onSubmit={submit} className="mt-2 flex flex-col gap-2" noValidate data-testid="add-operation-form">
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Kind of operation</legend>
        {(["devops", "devcenter"] as const).map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input
              type="radio"
              name={`${id}-kind`}
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setTouched(new Set());
                setFormError(undefined);
              }}
            />
            {k === "devops" ? "Defender for DevOps (ARM)" : "DevCenter"}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        {names.map((name) => {
          const error = fieldError(name);
          return (
            <div key={`${kind}-${name}`} className="flex flex-col gap-0.5">
              <label htmlFor={`${id}-${name}`} className="text-sm">
                {FIELD_LABELS[name]}
              </label>
              <input
                id={`${id}-${name}`}
                name={name}
                value={values[name] ?? ""}
                onChange={(e) => {
                  const value = e.target.value;
                  setValues((v) => ({ ...v, [name]: value }));
                  setTouched((t) => new Set(t).add(name));
                }}
                aria-invalid={error !== undefined}
                aria-describedby={error ? `${id}-${name}-error` : undefined}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} font-mono`}
              />
              {error ? (
                <p id={`${id}-${name}-error`} className="text-xs text-red-700 dark:text-red-300">
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" size="md">
          Watch
        </Button>
        {formError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {formError}
          </p>
        ) : null}
      </div>
    </form>
  );
}
