import { isTerminal, type StatusCategory } from "./model";

/**
 * Which operations ended since the last look. Only an end seen happening counts: an operation that was already
 * finished when first read (a reload, a shared link) is not announced again.
 */
export interface Observed {
  key: string;
  label: string;
  category: StatusCategory | undefined;
  status: string | null | undefined;
}

export interface Ending {
  key: string;
  label: string;
  category: StatusCategory;
  status: string | null | undefined;
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
      endings.push({ key: item.key, label: item.label, category: item.category, status: item.status });
    }
  }
  return { endings, seen };
}

export function endingText(ending: Ending): string {
  const status = ending.status ?? ending.category;
  return `${ending.label} ended: ${status}`;
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
