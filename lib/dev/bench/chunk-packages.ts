/**
 * Which package a bundled source path belongs to, as `next analyze` names sources: `[project]/node_modules/...`,
 * `[project]/<app folder>/...`, `[turbopack]/...`. React, React DOM and the scheduler ship inside Next (compiled/),
 * so they are named for themselves, not for Next.
 */
const NEXT_COMPILED = ["react-dom", "react-server-dom-turbopack", "react", "scheduler"];

export function packageOf(sourcePath: string): string {
  const nodeModules = sourcePath.lastIndexOf("node_modules/");
  if (nodeModules !== -1) {
    const rest = sourcePath.slice(nodeModules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? "?");
    if (name === "next" && rest[1] === "dist" && rest[2] === "compiled") {
      const compiled = NEXT_COMPILED.find((pkg) => rest[3] === pkg);
      if (compiled !== undefined) return compiled;
    }
    return name;
  }
  if (sourcePath.startsWith("[project]/")) {
    const folder = sourcePath.slice("[project]/".length).split("/")[0] ?? "";
    return `opwatch ${folder}/`;
  }
  if (sourcePath.startsWith("[turbopack]")) return "turbopack runtime";
  return sourcePath.split("/")[0] ?? sourcePath;
}

/**
 * Fallback guesses from the chunk's own text when `next analyze` could not say: strings only these packages carry.
 * A hit says the package is in the chunk, not how much of it.
 */
const MARKERS: readonly { name: string; marker: string }[] = [
  { name: "recharts", marker: "recharts-" },
  { name: "zod", marker: "_zod" },
  { name: "react-dom", marker: "__reactFiber$" },
  { name: "@azure/msal", marker: "@azure/msal" },
  { name: "@tanstack/query", marker: "No QueryClient set" },
  { name: "next", marker: "next-router-state-tree" },
];

export function guessPackages(text: string): string[] {
  return MARKERS.filter(({ marker }) => text.includes(marker)).map(({ name }) => name);
}

/** The chunk names a Turbopack loader chunk imports on demand, if `text` is one. */
export function loaderTargets(text: string): string[] | undefined {
  if (text.length > 4_000) return undefined;
  const targets = [...text.matchAll(/"static\/chunks\/([^"]+\.js)"/g)].map((m) => m[1] ?? "");
  return targets.length > 0 && text.includes("Promise.all([") ? [...new Set(targets)] : undefined;
}
