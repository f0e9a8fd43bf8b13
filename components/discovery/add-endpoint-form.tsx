"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { READ_ERROR_COLORS, STATUS_COLORS } from "@/components/ui/status-colors";
import { parseEndpointInput } from "@/lib/azure/endpoint-input";

/**
 * "DevCenter endpoint": a host or any URL on it. A host this server's proxy will refuse is added only after a warning
 * that says so (the operator may be about to allow it); text that names no host is refused with the rule it broke.
 */
export function AddEndpointForm({
  listed,
  refusal,
  onAdd,
}: {
  listed: ReadonlySet<string>;
  refusal: (host: string) => string | undefined;
  onAdd: (host: string) => void;
}) {
  const fieldId = useId();
  const helpId = useId();
  const messageId = useId();
  const [text, setText] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "warning" | "done"; text: string } | undefined>();
  const [confirmHost, setConfirmHost] = useState<string | undefined>();

  const submit = () => {
    const parsed = parseEndpointInput(text);
    if (!parsed.ok) {
      setMessage({ tone: "error", text: parsed.error });
      return;
    }
    const host = parsed.value;
    if (listed.has(host)) {
      setMessage({ tone: "done", text: `${host} is already in the list.` });
      return;
    }
    const refused = refusal(host);
    if (refused !== undefined && confirmHost !== host) {
      setConfirmHost(host);
      setMessage({ tone: "warning", text: `Careful: ${refused}. Add it anyway with the button again, or ask the operator first.` });
      return;
    }
    onAdd(host);
    setText("");
    setConfirmHost(undefined);
    setMessage({ tone: "done", text: `Added ${host}; opwatch is looking for your dev boxes there.` });
  };

  const tone = message?.tone === "done" ? STATUS_COLORS.succeeded.text : message?.tone === "warning" ? READ_ERROR_COLORS.message : STATUS_COLORS.failed.text;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }} className="flex flex-col gap-1" aria-label="Add an endpoint">
      <label htmlFor={fieldId} className="text-sm font-medium">
        DevCenter endpoint
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={fieldId}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setConfirmHost(undefined);
          }}
          placeholder="https://{tenant}-{devcenter}.{region}.devcenter.azure.com"
          aria-describedby={`${helpId} ${messageId}`}
          aria-invalid={message?.tone === "error"}
          autoComplete="off"
          spellCheck={false}
          className={`${inputClass} min-w-0 flex-1 basis-64`}
        />
        <Button type="submit" variant="secondary" size="md">
          {confirmHost === undefined ? "Add endpoint" : "Add anyway"}
        </Button>
      </div>
      <p id={helpId} className="text-xs text-slate-600 dark:text-slate-400">
        Find it on your dev center&apos;s Overview page in the Azure portal (&ldquo;Dev center URI&rdquo;), or with{" "}
        <code className="break-all">az devcenter admin devcenter show -n &lt;dev center&gt; -g &lt;group&gt; --query devCenterUri</code>. A host or any URL on it will do.
      </p>
      <p id={messageId} role="status" className={`text-sm break-words ${tone}`}>
        {message?.text}
      </p>
    </form>
  );
}
