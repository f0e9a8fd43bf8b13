/** Seeded randomness for the polling bench: the same seed gives the same corpus and the same jitter. */

import type { Random } from "@/lib/polling/seeded-random";

export { seededRandom, type Random } from "@/lib/polling/seeded-random";

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
