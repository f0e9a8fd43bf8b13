/**
 * The discovery settings' ranges and defaults, apart from the server-only schema so that the discovery benchmark
 * runs the defaults the browser gets.
 */

/** A sweep more often than this is more reads than news; less often, a started operation is seen too late to help. */
export const DISCOVERY_INTERVAL_SECONDS = { min: 10, max: 3600, fallback: 60 } as const;
/** Per endpoint; DevCenter answers about 300 reads a minute (X-Rate-Limit-Limit), which watched reads share. */
export const DISCOVERY_READS_PER_MINUTE = { min: 1, max: 300, fallback: 40 } as const;
