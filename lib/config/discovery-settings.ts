/**
 * The discovery settings' ranges and defaults, apart from the server-only schema so that the discovery benchmark
 * runs the defaults the browser gets.
 */

/**
 * A sweep more often than the minimum is more reads than news. The default is short because the reads per minute cap
 * a sweep of many dev boxes anyway: a person with a few is swept twice a minute for a handful of reads, one with
 * thirty at the cap, one sweep after the other.
 */
export const DISCOVERY_INTERVAL_SECONDS = { min: 10, max: 3600, fallback: 30 } as const;
/** Per endpoint; DevCenter answers about 300 reads a minute (X-Rate-Limit-Limit), which watched reads share. */
export const DISCOVERY_READS_PER_MINUTE = { min: 1, max: 300, fallback: 40 } as const;
