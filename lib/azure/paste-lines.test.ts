import { describe, expect, it } from "vitest";
import { MAX_PASTE_CHARS, MAX_PASTE_LINES, splitPaste, type SplitPaste } from "./paste-lines";

const URL_A = "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c/devops/default/operationResults/a";
const URL_B = "https://x.devcenter.azure.com/projects/proj/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3";

function split(text: string): SplitPaste {
  const result = splitPaste(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe("splitPaste", () => {
  it("reads a whole response header block: the operation headers, not the rest", () => {
    const { candidates, ignored } = split(
      ["HTTP/1.1 202 Accepted", "Retry-After: 10", `Azure-AsyncOperation: ${URL_A}`, `location:${URL_B}`, "x-ms-request-id: 1"].join("\r\n"),
    );
    expect(candidates).toEqual([
      { lineNumber: 3, text: `Azure-AsyncOperation: ${URL_A}`, value: URL_A },
      { lineNumber: 4, text: `location:${URL_B}`, value: URL_B },
    ]);
    expect(ignored.map((l) => [l.lineNumber, l.what])).toEqual([
      [1, "an HTTP status line"],
      [2, "a Retry-After header"],
      [5, "a x-ms-request-id header"],
    ]);
  });

  it("reads JSON by value: URL fields are operations, a region in `location` is not", () => {
    const { candidates, ignored } = split(`{\n  "location": "westus",\n  "Location": "${URL_A}",\n  "status": "InProgress"\n}`);
    expect(candidates).toEqual([{ lineNumber: 3, text: `"Location": "${URL_A}",`, value: URL_A }]);
    expect(ignored.map((l) => l.what)).toEqual([
      "JSON punctuation",
      'a JSON field "location" without a URL',
      'a JSON field "status" without a URL',
      "JSON punctuation",
    ]);
  });

  it("keeps line numbers of the paste, skipping blank lines, and the text as pasted (trimmed)", () => {
    const { candidates } = split(`\n  ${URL_A}  \n\n\t<${URL_B}>,\n`);
    expect(candidates).toEqual([
      { lineNumber: 2, text: URL_A, value: URL_A },
      { lineNumber: 4, text: `<${URL_B}>,`, value: URL_B },
    ]);
  });

  it("reads `label | URL`, with the label's spaces tidied, and the URL in any form the box takes", () => {
    const { candidates } = split(`Onboard   Contoso | ${URL_A}\n  | ${URL_B}\nMine | "Location": "${URL_B}",\nNo header | Retry-After: 10`);
    expect(candidates).toEqual([
      { lineNumber: 1, text: `Onboard   Contoso | ${URL_A}`, value: URL_A, label: "Onboard Contoso" },
      { lineNumber: 2, text: `| ${URL_B}`, value: URL_B },
      { lineNumber: 3, text: `Mine | "Location": "${URL_B}",`, value: URL_B, label: "Mine" },
      // A labelled line is always meant as an operation, so it is parsed (and refused there), never set aside.
      { lineNumber: 4, text: "No header | Retry-After: 10", value: "Retry-After: 10", label: "No header" },
    ]);
  });

  it("passes other lines through as they are, for the parser to explain", () => {
    expect(split("hello world\njavascript:alert(1)\nlocalhost:4010/projects/p").candidates.map((c) => c.value)).toEqual([
      "hello world",
      "javascript:alert(1)",
      "localhost:4010/projects/p",
    ]);
  });

  it("takes a non-operation header whose value is a URL as a candidate", () => {
    expect(split(`Operation: ${URL_A}`).candidates.map((c) => c.value)).toEqual([URL_A]);
  });

  it("refuses a paste too long or with too many lines, as a whole", () => {
    const tooLong = splitPaste("x".repeat(MAX_PASTE_CHARS + 1));
    expect(tooLong.ok ? "" : tooLong.error).toMatch(/characters long; paste at most/);
    expect(splitPaste(`${URL_A}\n`.repeat(MAX_PASTE_LINES + 1))).toMatchObject({
      ok: false,
      error: `the pasted text has ${MAX_PASTE_LINES + 1} lines; paste at most ${MAX_PASTE_LINES} at a time`,
    });
    expect(splitPaste(`${URL_A}\n`.repeat(MAX_PASTE_LINES)).ok).toBe(true);
  });

  it("passes a line too long to be a URL through whole, at once, even when it is built to make regexes backtrack", () => {
    const started = performance.now();
    const line = `"x${" ".repeat(150_000)}x`;
    expect(split(line).candidates).toEqual([{ lineNumber: 1, text: line, value: line }]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("has nothing for an empty or blank paste", () => {
    expect(split(" \n\t\r\n")).toEqual({ candidates: [], ignored: [] });
  });
});
