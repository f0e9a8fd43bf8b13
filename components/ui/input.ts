import { focusRing } from "./focus-ring";

/** The one look of text fields (paste box, ids, labels); a caller adds layout only (width, flex), as with buttons. */
export const inputClass = `w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400 ${focusRing}`;
