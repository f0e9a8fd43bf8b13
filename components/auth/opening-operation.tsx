"use client";

import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useState, type MouseEvent, type ReactNode } from "react";
import { permalinkPath, type OperationRef } from "@/lib/azure/operation-ref";

/*
 * An operation's page is a client view of what the lists have already read: the server's part of it is the route
 * and nothing more. So when a list's link is clicked, the shell shows that view at once, in the frame after the click,
 * while Next fetches the route as usual; once the address has changed, the route's own page (the same view on the same
 * cached data) takes over, with whatever the server said (a missing page, an error). Another link followed, or Back,
 * before then ends the view too.
 */

interface Opening {
  operationRef: OperationRef;
  /** The page the click came from: the view shows only while the address is still this one. */
  from: string;
}

const OpenOperationContext = createContext<(operationRef: OperationRef) => void>(() => undefined);

/** Shows the operation's page at once; Next's navigation to it goes on as it would. */
export function useOpenOperation(): (operationRef: OperationRef) => void {
  return useContext(OpenOperationContext);
}

/** A click that Next turns into a navigation in this tab (not one that opens a new tab or window, or saves the link). */
export function isPlainClick(event: Pick<MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey" | "defaultPrevented">, target: string | undefined): boolean {
  const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
  return !event.defaultPrevented && event.button === 0 && !modified && (target === undefined || target === "_self");
}

/**
 * Renders `children` (the route's page), or the operation being opened until the address leaves the page the click
 * came from. `render` draws that operation's page.
 */
export function OpeningOperation({ children, render }: { children: ReactNode; render: (operationRef: OperationRef) => ReactNode }) {
  const pathname = usePathname();
  const [opening, setOpening] = useState<Opening>();
  // The address moved (to the operation, or anywhere else): the route's page is what to show from now on, and on a
  // return to the list.
  if (opening && opening.from !== pathname) setOpening(undefined);
  const shown = opening?.from === pathname ? opening : undefined;

  useLayoutEffect(() => {
    // As Next does once the route is in: a new page starts at its top, not where the list was scrolled to.
    if (shown) window.scrollTo(0, 0);
  }, [shown]);

  useEffect(() => {
    if (!shown) return;
    // Another link or Back before the route is in: that is where the person is going now, and it may not change the
    // address (a link to the list the click came from), so it ends the view here.
    const end = () => {
      setOpening(undefined);
    };
    const onClick = (event: globalThis.MouseEvent) => {
      // A link within the page (a fragment) goes nowhere else.
      const link = event.target instanceof Element ? event.target.closest('a[href]:not([href^="#"])') : null;
      if (link && isPlainClick(event, link.getAttribute("target") ?? undefined)) end();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("popstate", end);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("popstate", end);
    };
  }, [shown]);

  const open = useCallback(
    (operationRef: OperationRef) => {
      // A link to the page already on screen changes no address, so nothing would ever end the view.
      if (permalinkPath(operationRef) !== pathname) setOpening({ operationRef, from: pathname });
    },
    [pathname],
  );

  return <OpenOperationContext.Provider value={open}>{shown ? render(shown.operationRef) : children}</OpenOperationContext.Provider>;
}
