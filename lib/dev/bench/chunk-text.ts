/**
 * What a client chunk's own text says about it. Turbopack names the modules inside a production chunk by number, so
 * the text tells which packages a chunk holds only where a package writes strings of its own into it.
 */

/**
 * Whether the chunk holds recharts: recharts writes its `recharts-` class names (`recharts-surface`,
 * `recharts-layer`...) into the code of every part that draws, and opwatch's own code names none of them.
 */
export function holdsRecharts(text: string): boolean {
  return text.includes("recharts-");
}

/**
 * The chunks this chunk's code loads on demand, in order: Turbopack writes each dynamic import (`next/dynamic`,
 * `React.lazy`) as `Promise.all(["static/chunks/a.js", ...].map(load))`.
 */
export function onDemandChunks(text: string): string[] {
  const found = new Set<string>();
  for (const loader of text.matchAll(/Promise\.all\(\[((?:"static\/chunks\/[^"]+",?)+)\]/g)) {
    for (const file of (loader[1] ?? "").matchAll(/"static\/chunks\/([^"]+)"/g)) found.add(file[1] ?? "");
  }
  return [...found];
}
