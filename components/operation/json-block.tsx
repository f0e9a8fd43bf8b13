import { CopyButton } from "@/components/ui/copy-button";
import { focusRing } from "@/components/ui/focus-ring";
import { formatJson } from "@/lib/operations/format";

/** JSON from Azure as text in a <pre>, never as markup; strings (a body that was not JSON) are shown as they came. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  const text = typeof value === "string" ? value : formatJson(value, "(empty)");
  return (
    <div className="relative">
      <div className="absolute right-1 top-1">
        <CopyButton text={text} label={`Copy ${label}`} />
      </div>
      <pre
        tabIndex={0}
        aria-label={label}
        className={`max-h-96 overflow-auto rounded bg-slate-100 p-2 pr-16 text-xs dark:bg-slate-900 ${focusRing}`}
      >
        {text}
      </pre>
    </div>
  );
}
