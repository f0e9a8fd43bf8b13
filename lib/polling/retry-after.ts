/**
 * How long polling honours a `Retry-After` (read off the wire by lib/azure/retry-after-header.ts): clamped to
 * [1 s, 10 min]. Below a second is a hot loop, and above ten minutes (ARM's own upper bound) a typo or a clock skew
 * would freeze the dashboard; a date already past means "now", i.e. the minimum.
 */

export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 10 * 60_000;

export const clampRetryAfterMs = (ms: number): number => Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, ms));
