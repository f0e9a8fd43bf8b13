/**
 * A tiny command-line parser for the bench scripts: `--name value`, `--name=value` and flags, with errors that name
 * the option and its range. Enough for a handful of options; no dependency.
 */

interface IntOption {
  kind: "int";
  min: number;
  max: number;
  default: number;
  help: string;
}

interface FlagOption {
  kind: "flag";
  help: string;
}

interface ChoiceOption {
  kind: "choice";
  choices: readonly [string, ...string[]];
  default: string;
  help: string;
}

export type OptionSpec = Record<string, IntOption | FlagOption | ChoiceOption>;

export type ParsedOptions<S extends OptionSpec> = {
  [K in keyof S]: S[K] extends IntOption ? number : S[K] extends ChoiceOption ? S[K]["choices"][number] : boolean;
};

export class UsageError extends Error {}

export function usage(command: string, spec: OptionSpec): string {
  const lines = Object.entries(spec).map(([name, option]) =>
    option.kind === "int"
      ? `  --${name} N`.padEnd(22) + `${option.help} (${option.min}..${option.max}, default ${option.default})`
      : option.kind === "choice"
        ? `  --${name} ${option.choices.join("|")}`.padEnd(22) + `${option.help} (default ${option.default})`
        : `  --${name}`.padEnd(22) + option.help,
  );
  return [`usage: ${command} [options]`, ...lines].join("\n");
}

export function parseArgs<S extends OptionSpec>(argv: readonly string[], spec: S): ParsedOptions<S> {
  const values: Record<string, number | boolean | string> = {};
  for (const [name, option] of Object.entries(spec)) values[name] = option.kind === "flag" ? false : option.default;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    const name = match?.[1];
    const option = name === undefined ? undefined : spec[name];
    if (name === undefined || option === undefined) throw new UsageError(`unknown option ${arg}`);
    if (option.kind === "flag") {
      if (match?.[2] !== undefined) throw new UsageError(`--${name} takes no value`);
      values[name] = true;
      continue;
    }
    const raw = match?.[2] ?? argv[++i];
    if (option.kind === "choice") {
      if (raw === undefined || !option.choices.includes(raw)) {
        throw new UsageError(`--${name} needs one of ${option.choices.join(", ")}, not ${raw === undefined ? "nothing" : `"${raw}"`}`);
      }
      values[name] = raw;
      continue;
    }
    const value = Number(raw);
    if (raw === undefined || raw.trim() === "" || !Number.isInteger(value) || value < option.min || value > option.max) {
      throw new UsageError(`--${name} needs a whole number from ${option.min} to ${option.max}, not ${raw === undefined ? "nothing" : `"${raw}"`}`);
    }
    values[name] = value;
  }
  return values as ParsedOptions<S>;
}
