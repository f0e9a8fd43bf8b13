"use client";

import { useCallback, type RefCallback } from "react";

/** What a row needs: to hand over its name link as React attaches it, and null when it goes. */
export interface NameLinks {
  register: (key: string, link: HTMLElement | null) => void;
}

/**
 * The name links of the shown rows by row key, and the rows' order: where focus goes when a row's Remove takes its
 * button away (the neighbour's name, not the page's start), and where Up and Down move it.
 */
export interface RowLinks extends NameLinks {
  /** The keys of the shown rows, top to bottom. */
  show: (keys: readonly string[]) => void;
  /** Focuses the name of the row after `key`'s, else the one before; false when there is none. */
  focusNeighbour: (key: string) => boolean;
  /** When `target` is a row's name, focuses the name `step` rows away; false when it is not or there is none. */
  focusBeside: (target: EventTarget | null, step: 1 | -1) => boolean;
}

/** The row after `key`'s, else the one before, in `order`. */
export function neighbourOf(order: readonly string[], key: string): string | undefined {
  const at = order.indexOf(key);
  return at < 0 ? undefined : (order[at + 1] ?? order[at - 1]);
}

export function createRowLinks(): RowLinks {
  const links = new Map<string, HTMLElement>();
  let order: readonly string[] = [];
  const focus = (key: string | undefined): boolean => {
    const link = key === undefined ? undefined : links.get(key);
    link?.focus();
    return link !== undefined;
  };
  const keyOf = (target: EventTarget | null): string | undefined => {
    for (const [key, link] of links) if (link === target) return key;
    return undefined;
  };
  return {
    register(key, link) {
      if (link) links.set(key, link);
      else links.delete(key);
    },
    show(keys) {
      order = keys;
    },
    focusNeighbour: (key) => focus(neighbourOf(order, key)),
    focusBeside(target, step) {
      const key = keyOf(target);
      const at = key === undefined ? -1 : order.indexOf(key);
      return at >= 0 && focus(order[at + step]);
    },
  };
}

/** The ref a row gives its name link: one per row and key, so a poll's re-render does not re-attach it. */
export function useNameLinkRef(links: NameLinks, key: string): RefCallback<HTMLAnchorElement> {
  return useCallback(
    (link: HTMLAnchorElement | null) => {
      links.register(key, link);
    },
    [links, key],
  );
}
