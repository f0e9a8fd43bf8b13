import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * The bench scripts' options: node:util's parseArgs reads the command line (`--name value`, `--name=value`, flags;
 * unknown options and stray arguments are refused), and this layer adds what it lacks: whole numbers within a range,
 * a choice among values, values of a shape of their own (`--budget 5/10`), defaults, `--help` for every script, and
 * errors that name the option.
 */

interface IntOption {
  kind: "int";
  min: number;
  /** No upper bound when left out. */
  max?: number;
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

/** A value with a shape of its own; its default goes through `parse` as a given value would. */
interface ValueOption<T> {
  kind: "value";
  /** How the value is written in the help, e.g. `R/B`. */
  placeholder: string;
  default: string;
  /** What a value must be, for the error: "--budget must be <expected>, not ...". */
  expected: string;
  help: string;
  parse: (raw: string) => T | undefined;
}

export type OptionSpec = Record<string, IntOption | FlagOption | ChoiceOption | ValueOption<unknown>>;

type ValueOf<O> = O extends { kind: "int" }
  ? number
  : O extends { kind: "flag" }
    ? boolean
    : O extends { kind: "choice"; choices: readonly (infer C)[] }
      ? C
      : O extends ValueOption<infer T>
        ? T
        : never;

export type ParsedOptions<S extends OptionSpec> = { [K in keyof S]: ValueOf<S[K]> };

export class UsageError extends Error {}

const HELP = "help";

export function usage(command: string, spec: OptionSpec): string {
  const line = (left: string, right: string) => `${`  ${left}`.padEnd(22)}  ${right}`;
  const lines = Object.entries(spec).map(([name, option]) => {
    switch (option.kind) {
      case "int": {
        const range = option.max === undefined ? `at least ${option.min}` : `${option.min}..${option.max}`;
        return line(`--${name} N`, `${option.help} (${range}, default ${option.default})`);
      }
      case "choice":
        return line(`--${name} ${option.choices.join("|")}`, `${option.help} (default ${option.default})`);
      case "value":
        return line(`--${name} ${option.placeholder}`, `${option.help} (default ${option.default})`);
      case "flag":
        return line(`--${name}`, option.help);
    }
  });
  return [`usage: ${command} [options]`, ...lines, line(`--${HELP}`, "print these options")].join("\n");
}

function intValue(name: string, option: IntOption, raw: string): number {
  const value = Number(raw);
  const inRange = Number.isSafeInteger(value) && value >= option.min && (option.max === undefined || value <= option.max);
  if (raw.trim() === "" || !inRange) {
    const range = option.max === undefined ? `of at least ${option.min}` : `from ${option.min} to ${option.max}`;
    throw new UsageError(`--${name} must be an integer ${range}, not "${raw}"`);
  }
  return value;
}

function optionValue(name: string, option: OptionSpec[string], raw: unknown): unknown {
  switch (option.kind) {
    case "flag":
      return raw === true;
    case "int":
      return typeof raw === "string" ? intValue(name, option, raw) : option.default;
    case "choice": {
      const value = typeof raw === "string" ? raw : option.default;
      if (!option.choices.includes(value)) throw new UsageError(`--${name} must be one of ${option.choices.join(", ")}, not "${value}"`);
      return value;
    }
    case "value": {
      const text = typeof raw === "string" ? raw : option.default;
      const value = option.parse(text);
      if (value === undefined) throw new UsageError(`--${name} must be ${option.expected}, not "${text}"`);
      return value;
    }
  }
}

/** The options in `argv`, or undefined when `--help` was asked for; throws a UsageError naming the bad option. */
export function parseOptions<S extends OptionSpec>(argv: readonly string[], spec: S): ParsedOptions<S> | undefined {
  const config: NonNullable<ParseArgsConfig["options"]> = { [HELP]: { type: "boolean" } };
  for (const [name, option] of Object.entries(spec)) config[name] = { type: option.kind === "flag" ? "boolean" : "string" };
  let values: Record<string, unknown>;
  try {
    // The last of a repeated option wins; nothing but options is accepted.
    values = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs' own errors (unknown option, missing value, a value for a flag) already name the option.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values[HELP] === true) return undefined;
  const parsed: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec)) parsed[name] = optionValue(name, option, values[name]);
  return parsed as ParsedOptions<S>;
}

/**
 * The options of this process's command line. `--help` prints them and exits 0; a bad option prints why and the
 * options and exits 2. Call it before starting anything: it may end the process.
 */
export function readOptions<S extends OptionSpec>(command: string, spec: S): ParsedOptions<S> {
  const text = () => usage(`npm run ${command} --`, spec);
  try {
    const parsed = parseOptions(process.argv.slice(2), spec);
    if (parsed !== undefined) return parsed;
    console.info(text());
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${text()}`);
    process.exit(2);
  }
}
