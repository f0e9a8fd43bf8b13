import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchAllowList, parseAllowList } from "./allow-list";
import { refKey, type OperationRef } from "./operation-ref";
import { parsePaste } from "./paste-parser";
import { devcenterHostCheck, runPaste } from "./paste-plan";

const SUB = "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3";
const OP = "fa067167-e49d-41bd-8dd8-de719b9de3b3";
const DEVOPS = (id: string) =>
  `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/conn/devops/default/operationResults/${id}`;

/** Lines people paste: operations in every accepted form, other APIs, context, labels, junk. */
const line = fc.oneof(
  fc.constantFrom(
    `https://management.azure.com${DEVOPS("a")}`,
    `Azure-AsyncOperation: https://management.azure.com${DEVOPS("b")}?api-version=2024-04-01`,
    `  "Location": "https://management.azure.com${DEVOPS("a")}",`,
    DEVOPS("c"),
    `https://x.devcenter.azure.com/projects/proj/operationstatuses/${OP}`,
    `Operation-Location: https://evil.example/projects/proj/operationstatuses/${OP}`,
    `http://127.0.0.1:4110/projects/proj/operationstatuses/${OP}`,
    `/op/devcenter/127.0.0.1%3A4111/proj/${OP}`,
    `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/operations/${OP}`,
    "HTTP/1.1 202 Accepted",
    "Retry-After: 10",
    '"status": "InProgress",',
    "{",
    "},",
    "",
    "   ",
    "hello world",
    OP,
  ),
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(DEVOPS("d"), `https://y.devcenter.azure.com/projects/proj/operationstatuses/${OP}`)).map(
    ([label, url]) => `${label} | ${url}`,
  ),
  fc.string({ maxLength: 40 }),
);
const paste = fc.array(line, { maxLength: 12 }).chain((lines) =>
  fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol)),
);
const allowList = fc.constantFrom("*.devcenter.azure.com", "http://127.0.0.1:4110", "*.devcenter.azure.com,http://127.0.0.1:4111");

/** The dashboard's add(): the same operation twice is a duplicate. */
function fakeList() {
  const keys = new Set<string>();
  const added: OperationRef[] = [];
  return {
    added,
    add: (ref: OperationRef) => {
      if (keys.has(refKey(ref))) return "duplicate" as const;
      keys.add(refKey(ref));
      added.push(ref);
      return "added" as const;
    },
  };
}

describe("runPaste, for any paste", () => {
  it("accounts for every non-empty line exactly once, and the box keeps the refused lines as pasted", () => {
    fc.assert(
      fc.property(paste, allowList, (text, allowed) => {
        const list = fakeList();
        const run = runPaste({ text, label: "", checkHost: devcenterHostCheck(allowed), maxLabelChars: 200, add: list.add });
        if (!run.ok) {
          expect(text.trim()).toBe("");
          return;
        }
        const { report, remainingText } = run.value;
        const numbers = [
          ...report.added.map((l) => l.lineNumber),
          ...report.alreadyWatched.map((l) => l.lineNumber),
          ...report.repeats.map((l) => l.lineNumber),
          ...report.refused.map((l) => l.lineNumber),
          ...report.ignored.map((l) => l.lineNumber),
        ].sort((a, b) => a - b);
        const lines = text.split(/\r\n|\r|\n/);
        const nonEmpty = lines.flatMap((l, i) => (l.trim() === "" ? [] : [i + 1]));
        expect(numbers).toEqual(nonEmpty);
        for (const refused of report.refused) {
          expect(refused.text).toBe(lines[refused.lineNumber - 1]?.trim());
          expect(refused.reason.length).toBeGreaterThan(10);
        }
        const handled = report.added.length + report.alreadyWatched.length + report.repeats.length > 0;
        expect(remainingText).toBe(handled ? report.refused.map((r) => r.text).join("\n") : text);
      }),
      { numRuns: 1500 },
    );
  });

  it("never adds a DevCenter host the allow-list refuses, and adds each operation once", () => {
    fc.assert(
      fc.property(paste, allowList, (text, allowed) => {
        const list = fakeList();
        runPaste({ text, label: "", checkHost: devcenterHostCheck(allowed), maxLabelChars: 200, add: list.add });
        const rules = parseAllowList(allowed);
        if (!rules.ok) throw new Error(rules.error);
        for (const ref of list.added) {
          if (ref.kind === "devcenter") expect(matchAllowList(ref.endpointHost, rules.value)).toBeDefined();
        }
        expect(new Set(list.added.map(refKey)).size).toBe(list.added.length);
      }),
      { numRuns: 1500 },
    );
  });

  it("finds the same operations whichever order the lines come in", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.integer(), (lines, seed) => {
        const shuffled = [...lines].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        const refs = (t: string[]) => {
          const parsed = parsePaste(t.join("\n"));
          return parsed.ok ? parsed.value.lines.flatMap((l) => (l.result.ok ? [refKey(l.result.value)] : [])).sort() : [];
        };
        expect(refs(shuffled)).toEqual(refs(lines));
      }),
      { numRuns: 500 },
    );
  });
});

describe("a line of words", () => {
  it("is refused as not an operation URL, however many words it has", () => {
    const words = fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(words, (text) => {
        const run = runPaste({ text, label: "", checkHost: () => undefined, maxLabelChars: 200, add: fakeList().add });
        expect(run.ok && run.value.report.refused.map((r) => r.reason)).toEqual([expect.stringMatching(/^".*" is not an operation URL: /)]);
      }),
    );
  });
});
