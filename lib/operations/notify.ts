import { isTerminal, type StatusCategory } from "./model";
import { rootCauseOf, rootCauseText, type ErrorHolder, type RootCause } from "./root-cause";

/**
 * Which operations ended since the last look. Only an end seen happening counts: an operation that was already
 * finished when first read (a reload, a shared link) is not announced again.
 */
export interface Observed {
  key: string;
  label: string;
  category: StatusCategory | undefined;
  status: string | null | undefined;
  /** Its error and child operations: read only when it is seen ending, for the innermost error the notice names. */
  operation?: ErrorHolder | undefined;
}

export interface Ending {
  key: string;
  label: string;
  category: StatusCategory;
  status: string | null | undefined;
  /** Why it failed (or was canceled), when it says: the innermost error, perhaps from a child operation. */
  cause?: RootCause | undefined;
}

export function detectEndings(
  previous: ReadonlyMap<string, StatusCategory>,
  current: readonly Observed[],
): { endings: Ending[]; seen: Map<string, StatusCategory> } {
  const seen = new Map<string, StatusCategory>();
  const endings: Ending[] = [];
  for (const item of current) {
    if (item.category === undefined) {
      const before = previous.get(item.key);
      if (before !== undefined) seen.set(item.key, before);
      continue;
    }
    seen.set(item.key, item.category);
    const before = previous.get(item.key);
    if (before !== undefined && !isTerminal(before) && isTerminal(item.category)) {
      // A success has nothing to explain, whatever a child's error says.
      const cause = item.category === "succeeded" || !item.operation ? undefined : rootCauseOf(item.operation);
      endings.push({ key: item.key, label: item.label, category: item.category, status: item.status, cause });
    }
  }
  return { endings, seen };
}

/** "connector ended: Failed": the first line of a notice and a notification. */
export function endingText(ending: Ending): string {
  const status = ending.status ?? ending.category;
  return `${ending.label} ended: ${status}`;
}

/** "PermissionDenied: The identity lacks … (in child operation install-app)", or undefined when nothing says why. */
export function endingCause(ending: Pick<Ending, "cause">): string | undefined {
  const { cause } = ending;
  if (!cause) return undefined;
  return cause.child ? `${rootCauseText(cause)} (in child operation ${cause.child.label})` : rootCauseText(cause);
}

/** A notification's body: the ending, then why on a line of its own. */
export function notificationBody(ending: Ending): string {
  const cause = endingCause(ending);
  return cause === undefined ? endingText(ending) : `${endingText(ending)}\n${cause}`;
}

/**
 * A browser notification, only if the person allowed it; never asks (asking happens on a click elsewhere). The tag
 * names the ending, so the same ending seen by several tabs of the browser replaces itself instead of showing twice.
 */
export function showBrowserNotification(title: string, body: string, tag: string): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // Some platforms (Android Chrome) only allow notifications from a service worker; the in-page notice remains.
  }
}
