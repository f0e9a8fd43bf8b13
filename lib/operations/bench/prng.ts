/** Seeded randomness for the polling bench: the same seed gives the same corpus and the same jitter. */

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for simulation (not for anything secret). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const uniform = (random: Random, lo: number, hi: number): number => lo + (hi - lo) * random();

export const logUniform = (random: Random, lo: number, hi: number): number => Math.exp(uniform(random, Math.log(lo), Math.log(hi)));

export const chance = (random: Random, p: number): boolean => random() < p;

/** Picks a value by weight; weights need not sum to 1. */
export function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  const last = choices.at(-1);
  if (!last) throw new Error("weighted: no choices");
  return last[0];
}
