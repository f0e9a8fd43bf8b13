import { refKey, type OperationRef } from "@/lib/azure/operation-ref";
import { strongerInterest, type Interest } from "./priority";
import type { InterestItem } from "./tab-messages";

/** One operation as the polling tab plans it: several tabs may use it, and the strongest use decides. */
export interface MergedItem {
  key: string;
  ref: OperationRef;
  interest: Interest;
}

/** Every tab's interest merged by key, in the order the operations first appear (which orders ties in the plan). */
export function mergeInterest(lists: Iterable<readonly InterestItem[]>): MergedItem[] {
  const merged = new Map<string, MergedItem>();
  for (const items of lists) {
    for (const { ref, interest } of items) {
      const key = refKey(ref);
      const found = merged.get(key);
      if (found) found.interest = strongerInterest(found.interest, interest);
      else merged.set(key, { key, ref, interest });
    }
  }
  return [...merged.values()];
}
