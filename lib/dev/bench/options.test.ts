import { describe, expect, it } from "vitest";
import { parseOptions, usage, UsageError, type OptionSpec } from "./options";

const SPEC = {
  "no-build": { kind: "flag", help: "reuse the build" },
  clients: { kind: "int", min: 1, max: 2_000, default: 200, help: "dashboards polling at once" },
  seed: { kind: "int", min: -1, default: -1, help: "seed" },
  view: { kind: "choice", choices: ["table", "cards"], default: "table", help: "the view" },
  budget: {
    kind: "value",
    placeholder: "R/B",
    default: "5/10",
    expected: "reads-per-second/burst, e.g. 5/10",
    help: "the read budget",
    parse: (raw: string) => {
      const match = /^(\d+)\/(\d+)$/.exec(raw);
      return match ? { rate: Number(match[1]), burst: Number(match[2]) } : undefined;
    },
  },
} as const satisfies OptionSpec;

const parse = (...argv: string[]) => parseOptions(argv, SPEC);
const refusal = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(" ")} was accepted`);
};

describe("parseOptions", () => {
  it("gives every option its default when none is given", () => {
    expect(parse()).toEqual({ "no-build": false, clients: 200, seed: -1, view: "table", budget: { rate: 5, burst: 10 } });
  });

  it("reads --name value, --name=value and flags; the last of a repeated option wins", () => {
    expect(parse("--clients", "50", "--no-build", "--view=cards", "--seed=-1", "--budget", "2/4", "--clients=60")).toEqual({
      "no-build": true,
      clients: 60,
      seed: -1,
      view: "cards",
      budget: { rate: 2, burst: 4 },
    });
  });

  it("says --help was asked for by giving no options", () => {
    expect(parse("--clients", "5", "--help")).toBeUndefined();
  });

  it("refuses integers out of range or not integers, naming the option and its range", () => {
    expect(refusal("--clients", "0")).toBe('--clients must be an integer from 1 to 2000, not "0"');
    expect(refusal("--clients=2001")).toBe('--clients must be an integer from 1 to 2000, not "2001"');
    expect(refusal("--clients", "1.5")).toBe('--clients must be an integer from 1 to 2000, not "1.5"');
    expect(refusal("--clients", " ")).toBe('--clients must be an integer from 1 to 2000, not " "');
    expect(refusal("--seed=-2")).toBe('--seed must be an integer of at least -1, not "-2"');
  });

  it("refuses a choice or a value of the wrong shape, saying what it must be", () => {
    expect(refusal("--view", "grid")).toBe('--view must be one of table, cards, not "grid"');
    expect(refusal("--budget", "fast")).toBe('--budget must be reads-per-second/burst, e.g. 5/10, not "fast"');
  });

  it("refuses unknown options, missing values, values for flags and stray arguments, naming them", () => {
    expect(refusal("--client", "5")).toContain("--client");
    expect(refusal("--clients")).toContain("--clients");
    expect(refusal("--no-build=yes")).toContain("--no-build");
    expect(refusal("50")).toContain("50");
  });
});

describe("usage", () => {
  it("lists every option with its range or choices and default, and --help", () => {
    const text = usage("npm run bench:x --", SPEC);
    expect(text.split("\n")).toEqual([
      "usage: npm run bench:x -- [options]",
      expect.stringMatching(/^ {2}--no-build +reuse the build$/),
      expect.stringMatching(/^ {2}--clients N +dashboards polling at once \(1\.\.2000, default 200\)$/),
      expect.stringMatching(/^ {2}--seed N +seed \(at least -1, default -1\)$/),
      expect.stringMatching(/^ {2}--view table\|cards +the view \(default table\)$/),
      expect.stringMatching(/^ {2}--budget R\/B +the read budget \(default 5\/10\)$/),
      expect.stringMatching(/^ {2}--help +print these options$/),
    ]);
  });
});
