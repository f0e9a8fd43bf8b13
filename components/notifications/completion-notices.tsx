"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { STATUS_COLORS } from "@/components/ui/status-colors";
import {
  detectEndings,
  endingCause,
  endingText,
  notificationBody,
  showBrowserNotification,
  type Ending,
  type Observed,
} from "@/lib/operations/notify";
import type { StatusCategory } from "@/lib/operations/model";

const MAX_NOTICES = 5;

type Notice = Ending & { at: number };

/**
 * In-page notices for every operation seen ending, plus a browser notification if allowed. A failure's notice names
 * its innermost error: the top error alone rarely says what to fix. While `held` (the person acts in the list below),
 * new notices wait to be shown, since each one pushes the list down under the pointer; they are announced at once.
 */
export function CompletionNotices({ observed, held = false }: { observed: readonly Observed[]; held?: boolean }) {
  const seen = useRef<ReadonlyMap<string, StatusCategory>>(new Map());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [waiting, setWaiting] = useState<Notice[]>([]);
  const [announced, setAnnounced] = useState("");

  useEffect(() => {
    const { endings, seen: next } = detectEndings(seen.current, observed);
    seen.current = next;
    if (endings.length === 0) return;
    const at = Date.now();
    setWaiting((prev) => [...endings.map((e) => ({ ...e, at })), ...prev].slice(0, MAX_NOTICES));
    setAnnounced(endings.map(endingText).join(" · "));
    for (const ending of endings) showBrowserNotification("opwatch", notificationBody(ending), `opwatch:${ending.key}:${ending.category}`);
  }, [observed]);

  useEffect(() => {
    if (held || waiting.length === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the waiting notices show once the hold ends
    setNotices((prev) => [...waiting, ...prev].slice(0, MAX_NOTICES));
    setWaiting([]);
  }, [held, waiting]);

  return (
    <div data-testid="completion-notices" className="flex flex-col gap-1">
      <p role="status" aria-live="polite" className="sr-only">
        {announced}
      </p>
      {notices.map((notice) => (
        <CompletionNotice
          key={`${notice.key}-${notice.at}`}
          notice={notice}
          onDismiss={() => {
            setNotices((prev) => prev.filter((n) => n !== notice));
          }}
        />
      ))}
    </div>
  );
}

function CompletionNotice({ notice, onDismiss }: { notice: Ending; onDismiss: () => void }) {
  const cause = endingCause(notice);
  return (
    <p
      data-testid="completion-notice"
      data-status-category={notice.category}
      className={`flex items-start justify-between gap-2 rounded px-3 py-1.5 text-sm ${STATUS_COLORS[notice.category].notice}`}
    >
      <span className="flex min-w-0 flex-col">
        <span className="[overflow-wrap:anywhere]">{endingText(notice)}</span>
        {cause !== undefined ? (
          <span data-testid="completion-notice-cause" className="[overflow-wrap:anywhere]">
            {cause}
          </span>
        ) : null}
      </span>
      <Button variant="ghost" size="icon" aria-label={`Dismiss: ${endingText(notice)}`} onClick={onDismiss}>
        ✕
      </Button>
    </p>
  );
}

type Permission = NotificationPermission | "unsupported" | "unknown";

/** Asks for notification permission only when clicked (browsers penalise asking on load, and so do people). */
export function NotificationToggle() {
  const [permission, setPermission] = useState<Permission>("unknown");
  useEffect(() => {
    // The permission exists only in the browser; reading it after mount keeps server and client markup equal.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);

  if (permission === "unknown" || permission === "unsupported") return null;
  if (permission === "granted") return <span className="text-xs text-slate-600 dark:text-slate-400">Browser notifications on</span>;
  if (permission === "denied") {
    return <span className="text-xs text-slate-600 dark:text-slate-400">Browser notifications are blocked in this browser&apos;s settings</span>;
  }
  return (
    <Button
      onClick={() => {
        void Notification.requestPermission().then(setPermission, () => {
          setPermission("denied");
        });
      }}
    >
      Notify me when operations end
    </Button>
  );
}
