"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { PATH_PARAMS, refFromSegments, type OperationKind } from "@/lib/azure/operation-ref";
import { validateParam, type ParamName } from "@/lib/azure/params";
import { describeOperation } from "@/lib/operations/display-name";
import { MAX_LABEL_CHARS } from "@/lib/watch-list/watch-list";
import type { AddFormProps } from "./add-form-props";
import { sentence } from "./paste-report";

const FIELD_LABELS: Record<ParamName, string> = {
  subscriptionId: "Subscription id",
  resourceGroupName: "Resource group",
  securityConnectorName: "Security connector",
  operationResultId: "Operation result id",
  endpointHost: "DevCenter endpoint host (host[:port])",
  projectName: "Project",
  operationId: "Operation id",
};

/** One operation from its ids, for when there is no URL to paste. Refuses a DevCenter host the server will not call. */
export function IdsForm({ checkHost, onAdd, onDone }: AddFormProps) {
  const [kind, setKind] = useState<OperationKind>("devops");
  const [values, setValues] = useState<Partial<Record<ParamName, string>>>({});
  const [label, setLabel] = useState("");
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
    const refused = ref.ok ? checkHost(ref.value) : ref.error.message;
    if (!ref.ok || refused !== undefined) {
      setFormError(refused === undefined ? undefined : sentence(refused));
      onDone([]);
      return;
    }
    const trimmed = label.trim() === "" ? undefined : label.trim();
    const outcome = onAdd(ref.value, trimmed);
    setFormError(undefined);
    setValues({});
    setLabel("");
    setTouched(new Set());
    const name = describeOperation({ ref: ref.value, label: trimmed });
    onDone([outcome === "added" ? `Added ${name}.` : `Already watching ${describeOperation({ ref: ref.value })}.`]);
  };

  return (
    <form onSubmit={submit} className="mt-2 flex flex-col gap-2" noValidate data-testid="add-operation-form">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
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
        <div className="flex flex-col gap-0.5">
          <label htmlFor={`${id}-label`} className="text-sm">
            Label <span className="text-slate-600 dark:text-slate-400">(optional)</span>
          </label>
          <input
            id={`${id}-label`}
            value={label}
            maxLength={MAX_LABEL_CHARS}
            autoComplete="off"
            onChange={(e) => {
              setLabel(e.target.value);
            }}
            className={inputClass}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" size="md">
          Watch
        </Button>
        {formError ? (
          <p role="alert" className="min-w-0 text-sm break-words text-red-700 dark:text-red-300">
            {formError}
          </p>
        ) : null}
      </div>
    </form>
  );
}
