"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/input";
import { PATH_PARAMS, refFromSegments, type OperationKind } from "@/lib/azure/operation-ref";
import { validateParam, type ParamName } from "@/lib/azure/params";
import { describeOperation } from "@/lib/operations/display-name";
import { FIELD_LABELS, type AddFormProps, type AddWay } from "./add-form-props";
import { sentence } from "./paste-report";

export interface IdsEntry extends AddWay {
  kind: OperationKind;
  values: Partial<Record<ParamName, string>>;
  /** Why the whole entry was refused (a DevCenter host the server will not call), after a Watch. */
  formError: string | undefined;
  fieldError: (name: ParamName) => string | undefined;
  setKind: (kind: OperationKind) => void;
  setValue: (name: ParamName, value: string) => void;
}

/** One operation from its ids, for when there is no URL to paste. Refuses a DevCenter host the server will not call. */
export function useIdsEntry({ checkHost, onAdd, onDone }: AddFormProps): IdsEntry {
  const [kind, setKind] = useState<OperationKind>("devops");
  const [values, setValues] = useState<Partial<Record<ParamName, string>>>({});
  const [touched, setTouched] = useState<ReadonlySet<ParamName>>(new Set());
  const [formError, setFormError] = useState<string | undefined>();
  const names = PATH_PARAMS[kind];

  const submit = (label: string) => {
    setTouched(new Set(names));
    const ref = refFromSegments(
      kind,
      names.map((name) => (values[name] ?? "").trim()),
    );
    const refused = ref.ok ? checkHost(ref.value) : ref.error.message;
    if (!ref.ok || refused !== undefined) {
      setFormError(refused === undefined ? undefined : sentence(refused));
      onDone([]);
      return false;
    }
    const trimmed = label.trim() === "" ? undefined : label.trim();
    const outcome = onAdd(ref.value, trimmed);
    setFormError(undefined);
    setValues({});
    setTouched(new Set());
    const name = describeOperation({ ref: ref.value, label: trimmed });
    onDone([outcome === "added" ? `Added ${name}.` : `Already watching ${describeOperation({ ref: ref.value })}.`]);
    return true;
  };

  return {
    kind,
    values,
    formError,
    fieldError: (name) => {
      if (!touched.has(name)) return undefined;
      const checked = validateParam(name, values[name] ?? "");
      return checked.ok ? undefined : checked.error.message;
    },
    setKind: (next) => {
      setKind(next);
      setTouched(new Set());
      setFormError(undefined);
    },
    setValue: (name, value) => {
      setValues((v) => ({ ...v, [name]: value }));
      setTouched((t) => new Set(t).add(name));
    },
    submit,
  };
}

/** The kind of operation, then a field for each of its path parameters, each with what is wrong with it. */
export function IdsFields({ entry, id }: { entry: IdsEntry; id: string }) {
  const { kind } = entry;
  return (
    <div className="flex flex-col gap-2">
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
                entry.setKind(k);
              }}
            />
            {k === "devops" ? "Defender for DevOps (ARM)" : "DevCenter"}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        {PATH_PARAMS[kind].map((name) => {
          const error = entry.fieldError(name);
          return (
            <div key={`${kind}-${name}`} className="flex flex-col gap-0.5">
              <label htmlFor={`${id}-${name}`} className="text-sm">
                {FIELD_LABELS[name]}
              </label>
              <input
                id={`${id}-${name}`}
                name={name}
                value={entry.values[name] ?? ""}
                onChange={(e) => {
                  entry.setValue(name, e.target.value);
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
    </div>
  );
}
