import type { ReactNode } from "react";
import { focusRing } from "./focus-ring";

/**
 * An on/off setting that takes effect at once (WAI-ARIA switch): a button whose text is its name, with a track that
 * shows the state; `aria-checked` tells assistive technology.
 */
export function Switch({ checked, onChange, children }: { checked: boolean; onChange: (on: boolean) => void; children: ReactNode }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={() => {
        onChange(!checked);
      }}
      className={`inline-flex items-center gap-2 rounded text-sm text-slate-800 dark:text-slate-200 ${focusRing}`}
    >
      <span
        aria-hidden="true"
        className={`inline-flex h-5 w-9 shrink-0 items-center rounded-full border p-0.5 transition-colors ${
          checked ? "border-blue-700 bg-blue-700 dark:border-blue-400 dark:bg-blue-500" : "border-slate-500 bg-slate-200 dark:border-slate-400 dark:bg-slate-700"
        }`}
      >
        <span className={`h-3.5 w-3.5 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-4" : ""}`} />
      </span>
      {children}
    </button>
  );
}
