/**
 * Failures the control API plants in the discovery lists (`POST /_sim/discovery/faults`), and their page size. A fault
 * applies to one caller (owner) when it names one, else to every caller, and to one project when it names one
 * (the per-project lists only), so that tests running in parallel can keep their faults to themselves. Pure.
 */
export type DiscoveryListName = "projects" | "devboxes" | "operations";

export interface DiscoveryFault {
  list: DiscoveryListName;
  status: number;
  /** Over the fault's default headers; null removes one. */
  headers: Record<string, string | null>;
  owner?: string | undefined;
  projectName?: string | undefined;
}

/** Large enough that the demo needs no paging. */
export const DEFAULT_PAGE_SIZE = 100;

const MAX_FAULTS = 1_000;
const MAX_PAGE_SIZES = 1_000;

export class DiscoveryFaults {
  private readonly faults: { fault: DiscoveryFault; left: number }[] = [];
  private readonly pageSizes = new Map<string, number>();
  private defaultPageSize = DEFAULT_PAGE_SIZE;

  add(fault: DiscoveryFault, count: number): void {
    if (this.faults.length >= MAX_FAULTS) this.faults.shift();
    this.faults.push({ fault, left: count });
  }

  /** The first planted fault that applies to this answer, spent by one; undefined when none does. */
  take(list: DiscoveryListName, owner: string, projectName?: string): DiscoveryFault | undefined {
    const index = this.faults.findIndex(({ fault }) => fault.list === list && matches(fault.owner, owner) && matches(fault.projectName, projectName));
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  setPageSize(size: number, owner?: string): void {
    if (owner === undefined) {
      this.defaultPageSize = size;
      return;
    }
    if (this.pageSizes.size >= MAX_PAGE_SIZES) this.pageSizes.clear();
    this.pageSizes.set(owner.toLowerCase(), size);
  }

  pageSize(owner: string): number {
    return this.pageSizes.get(owner.toLowerCase()) ?? this.defaultPageSize;
  }
}

/** An unscoped fault matches everything; a scoped one only its own value (case-insensitively). */
const matches = (scope: string | undefined, value: string | undefined) =>
  scope === undefined || scope.toLowerCase() === value?.toLowerCase();
