/**
 * The read headroom's settings (OPWATCH_READ_HEADROOM, OPWATCH_READ_HEADROOM_CEILING), apart from the server-only
 * schema so that the fleet bench runs the defaults the browser gets.
 */

export interface HeadroomSettings {
  /** Whether a scope may read above its base budget while Azure reports its bucket well filled. */
  enabled: boolean;
  /**
   * The most a scope reads, as a share of Azure's own rate for it: ARM's refill (25 reads/s per subscription), a
   * DevCenter endpoint's count per window. At 0.5, the person's other tools keep at least half even at opwatch's peak.
   */
  ceilingShare: number;
}

/**
 * Above 0.8 a person's own portal and CLI, reading at a few per second, would find the bucket drained by opwatch alone
 * before the fall is seen; below 0.1 the ceiling is under any sensible base and headroom would never start.
 */
export const HEADROOM_CEILING_SHARE = { min: 0.1, max: 0.8, fallback: 0.5 } as const;

export const DEFAULT_HEADROOM: HeadroomSettings = { enabled: true, ceilingShare: HEADROOM_CEILING_SHARE.fallback };
