"use client";

import { useEffect, useState, type RefObject } from "react";

// One observer per margin for all elements: 500 rows cost one observer, not 500.
interface SharedObserver {
  observer: IntersectionObserver;
  callbacks: WeakMap<Element, (inView: boolean) => void>;
}
const observers = new Map<string, SharedObserver>();

/** Calls `onChange` as the element comes within `margin` of the screen and leaves; returns the undo. */
function observeNear(element: Element, margin: string, onChange: (inView: boolean) => void): () => void {
  let shared = observers.get(margin);
  if (!shared) {
    const callbacks = new WeakMap<Element, (inView: boolean) => void>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting);
      },
      { rootMargin: margin },
    );
    shared = { observer, callbacks };
    observers.set(margin, shared);
  }
  const { observer, callbacks } = shared;
  callbacks.set(element, onChange);
  observer.observe(element);
  return () => {
    observer.unobserve(element);
    callbacks.delete(element);
  };
}

const canObserve = () => typeof IntersectionObserver !== "undefined";

/**
 * Whether the element is on (or within 200 px of) the screen, so text is fresh by the time it scrolls in; true until
 * known, and always where IntersectionObserver is missing.
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || !canObserve()) return;
    return observeNear(element, "200px", setInView);
  }, [ref]);
  return inView;
}

/**
 * Whether the element has come within 400 px of the screen, and true from then on: a chart's code is fetched when
 * it is about to be seen, and then kept. Returns the callback ref to put on the element. On the server nothing is
 * near; in a browser without IntersectionObserver everything is.
 */
export function useNearScreen(): [(element: Element | null) => void, boolean] {
  const [element, setElement] = useState<Element | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || element === null || !canObserve()) return;
    return observeNear(element, "400px 0px", (inView) => {
      if (inView) setNear(true);
    });
  }, [element, near]);
  const unobservable = typeof window !== "undefined" && !canObserve();
  return [setElement, near || unobservable];
}
