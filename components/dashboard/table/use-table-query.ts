"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseTableQuery, tableQueryString, type TableQuery } from "./table-query";

/**
 * The table's state, kept in the URL's query so a reload or a shared link shows the same rows. Changes replace the
 * history entry (Back leaves the dashboard, not the last sort) through `history.replaceState`, which Next.js feeds
 * to `useSearchParams`: unlike `router.replace`, it asks the server for nothing. The fragment (a board link's) stays.
 */
export function useTableQuery(): [TableQuery, (patch: Partial<TableQuery>) => void] {
  const params = useSearchParams();
  const text = params.toString();
  // Parsed once per distinct query string, so memoized readers see one object until the URL changes.
  const query = useMemo(() => parseTableQuery(new URLSearchParams(text)), [text]);
  const update = useCallback((patch: Partial<TableQuery>) => {
    const current = new URLSearchParams(window.location.search);
    const next = tableQueryString(current, { ...parseTableQuery(current), ...patch });
    if (next === window.location.search || (next === "" && window.location.search === "")) return;
    window.history.replaceState(null, "", `${window.location.pathname}${next}${window.location.hash}`);
  }, []);
  return [query, update];
}
