/**
 * Writing text to the clipboard, with the one fallback browsers still offer. The Clipboard API is missing on plain
 * http (other than localhost) and can be refused by permissions policy; `execCommand("copy")` on a selected,
 * off-screen textarea still works in those cases while the click's user activation lasts.
 */

/** What `writeClipboard` needs from the browser: injected so the fallback path can be tested without one. */
export interface ClipboardEnv {
  clipboard: Pick<Clipboard, "writeText"> | undefined;
  /** Copies through a selected textarea; false when the browser refuses. */
  legacyCopy: (text: string) => boolean;
}

/** Resolves true when the text reached the clipboard; never rejects (a refusal is a normal outcome to show). */
export async function writeClipboard(text: string, env: ClipboardEnv = browserClipboardEnv()): Promise<boolean> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions, document not focused): the legacy path below may still be allowed.
    }
  }
  try {
    return env.legacyCopy(text);
  } catch {
    return false;
  }
}

function browserClipboardEnv(): ClipboardEnv {
  return {
    // Typed as always present, but undefined outside secure contexts: `writeClipboard` checks it at run time.
    clipboard: typeof navigator === "undefined" ? undefined : navigator.clipboard,
    legacyCopy: typeof document === "undefined" ? () => false : (text) => legacyCopy(text, document),
  };
}

/** The pre-Clipboard-API way; puts focus back where it was, so keyboard users (e.g. in the error tree) stay put. */
export function legacyCopy(text: string, doc: Document): boolean {
  const previous = doc.activeElement;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  try {
    area.select();
    // Deprecated, but it is the only fallback when the Clipboard API is absent or refused.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return doc.execCommand("copy");
  } finally {
    area.remove();
    if (canFocus(previous)) previous.focus();
  }
}

/** HTML and SVG elements can take focus back; a bare Element (or nothing) cannot. */
const canFocus = (element: Element | null): element is Element & HTMLOrSVGElement => element !== null && "focus" in element;
