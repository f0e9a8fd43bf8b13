"use client";

import type { OperationRef } from "@/lib/azure/operation-ref";
import { useReadInterest } from "./fleet-provider";
import { usePageVisible } from "./use-page-visible";

/**
 * An operation's page: "open" (read at least every 5 s) while the person can see it; in a hidden tab it still
 * comes first in line, but at the operation's own pace, since nobody is waiting on that screen.
 */
export function useOpenInterest(ref: OperationRef): void {
  useReadInterest(ref, usePageVisible() ? "open" : "onScreen");
}
