/** Seeded randomness: the same seed gives the same sequence (poll jitter that every view agrees on; the bench corpus). */

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for jitter and simulation (not for anything secret). */
export function seededRandom(seed: number): Random {
  let state = Math.floor(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
