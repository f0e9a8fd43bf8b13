"use client";

import { useEffect, useState, type RefObject } from "react";

/** Near the viewport counts as in view, so text is fresh by the time it scrolls in. */
const ROOT_MARGIN = "200px";

// One observer for all elements: 500 rows cost one observer, not 500.
const callbacks = new WeakMap<Element, (inView: boolean) => void>();
let observer: IntersectionObserver | undefined;

function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) callbacks.get(entry.target)?.(entry.isIntersecting);
    },
    { rootMargin: ROOT_MARGIN },
  );
  return observer;
}

/** Whether the element is on (or near) the screen; true until known, and always where IntersectionObserver is missing. */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const shared = sharedObserver();
    callbacks.set(element, setInView);
    shared.observe(element);
    return () => {
      shared.unobserve(element);
      callbacks.delete(element);
    };
  }, [ref]);
  return inView;
}
