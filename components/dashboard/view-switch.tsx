"use client";

import { Button } from "@/components/ui/button";
import type { DashboardView } from "./table/table-query";

/** The look of a pressed toggle button (aria-pressed), here and in the table's filters. */
export const PRESSED = "aria-pressed:border-blue-700 aria-pressed:bg-blue-50 aria-pressed:text-blue-900 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-100";

/** Cards or table: the person's choice, kept in the URL (`?view=`); without one, the list's size decides. */
export function ViewSwitch({ view, onChange }: { view: DashboardView; onChange: (view: DashboardView) => void }) {
  return (
    <div role="group" aria-label="Show the watched operations as" data-testid="view-switch" className="flex">
      {(["cards", "table"] as const).map((value) => (
        <Button
          key={value}
          size="sm"
          aria-pressed={view === value}
          data-testid={`view-${value}`}
          className={`${PRESSED} first:rounded-r-none last:-ml-px last:rounded-l-none`}
          onClick={() => {
            onChange(value);
          }}
        >
          {value === "cards" ? "Cards" : "Table"}
        </Button>
      ))}
    </div>
  );
}
