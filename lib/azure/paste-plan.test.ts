import { describe, expect, it } from "vitest";
import { refKey, type OperationRef } from "./operation-ref";
import { boxHoldsRefusedLines, devcenterHostCheck, runPaste, type AddOutcome, type PasteInput } from "./paste-plan";

const SUB = "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3";
const op = (n: number) => `8d4caace-e7b3-4b3e-af99-73f76829eb${String(n).padStart(2, "0")}`;
const devopsUrl = (n: number) =>
  `https://management.azure.com/subscriptions/${SUB}/resourceGroups/myRg/providers/Microsoft.Security/securityConnectors/conn/devops/default/operationResults/${op(n)}`;
const devcenterUrl = (host: string) => `https://${host}/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3`;
const COMPUTE = `https://management.azure.com/subscriptions/${SUB}/providers/Microsoft.Compute/locations/westus/operations/${op(9)}`;

/** A watch list in a Map, as the dashboard's add() treats it. */
function run(text: string, options: { label?: string; watched?: string[]; allowed?: string } = {}) {
  const list = new Map<string, string | undefined>((options.watched ?? []).map((k) => [k, undefined]));
  const calls: [OperationRef, string | undefined][] = [];
  const input: PasteInput = {
    text,
    label: options.label ?? "",
    checkHost: devcenterHostCheck(options.allowed ?? "*.devcenter.azure.com"),
    maxLabelChars: 200,
    add: (ref, label): AddOutcome => {
      calls.push([ref, label]);
      if (list.has(refKey(ref))) return "duplicate";
      list.set(refKey(ref), label);
      return "added";
    },
  };
  return { result: runPaste(input), calls, list };
}

function done(text: string, options?: Parameters<typeof run>[1]) {
  const { result, calls, list } = run(text, options);
  if (!result.ok) throw new Error(result.error);
  return { ...result.value, calls, list };
}

describe("runPaste", () => {
  it("adds every line that parses, keeps the bad one in the box and says why", () => {
    const { report, remainingText, calls } = done(`${devopsUrl(1)}\nnot a url\n  ${devopsUrl(2)}  `);
    expect(calls.map(([ref]) => ref.kind === "devops" && ref.operationResultId)).toEqual([op(1), op(2)]);
    expect(report.added.map((a) => a.lineNumber)).toEqual([1, 3]);
    expect(report.refused.map((r) => [r.lineNumber, r.text])).toEqual([[2, "not a url"]]);
    expect(report.refused[0]?.reason).toMatch(/^"not a url" is not an operation URL/);
    expect(remainingText).toBe("not a url");
  });

  it("adds a repeated operation once and tells which line it repeats; already watched ones are reported, not added", () => {
    const watched = refKeyOf(devopsUrl(3));
    const { report, remainingText } = done(`${devopsUrl(1)}\nLocation: ${devopsUrl(1)}\n${devopsUrl(3)}`, { watched: [watched] });
    expect(report.added.map((a) => a.lineNumber)).toEqual([1]);
    expect(report.repeats).toEqual([{ lineNumber: 2, sameAs: 1 }]);
    expect(report.alreadyWatched.map((a) => a.lineNumber)).toEqual([3]);
    expect(remainingText).toBe("");
  });

  it("explains another API's URL and refuses a DevCenter host off the allow-list, naming the variable", () => {
    const { result, calls } = run(`${COMPUTE}\n${devcenterUrl("contoso.westus3.devcenter.azure.com")}`, { allowed: "http://127.0.0.1:4110" });
    expect(calls).toEqual([]);
    if (!result.ok) throw new Error(result.error);
    const [compute, devcenter] = result.value.report.refused;
    expect(compute?.reason).toMatch(/^this is a Microsoft\.Compute operation .*opwatch does not read this API/);
    expect(devcenter?.reason).toBe(
      "this server does not read DevCenter endpoint contoso.westus3.devcenter.azure.com: it is not in DEVCENTER_ALLOWED_HOSTS (http://127.0.0.1:4110), which an operator can change",
    );
    // Nothing was added, so the box keeps exactly what was pasted.
    expect(result.value.remainingText).toBe(`${COMPUTE}\n${devcenterUrl("contoso.westus3.devcenter.azure.com")}`);
    expect(boxHoldsRefusedLines(result)).toBe(true);
  });

  it("allows a DevCenter host that the allow-list allows", () => {
    const { report } = done(devcenterUrl("contoso.westus3.devcenter.azure.com"));
    expect(report.added).toHaveLength(1);
  });

  it("gives the Label to the one operation added, unless its line has its own", () => {
    expect(done(devopsUrl(1), { label: "  Onboarding  " }).calls[0]?.[1]).toBe("Onboarding");
    expect(done(`Mine | ${devopsUrl(1)}`, { label: "Field" }).calls[0]?.[1]).toBe("Mine");
    // A repeat of the same operation is still one operation.
    expect(done(`${devopsUrl(1)}\n${devopsUrl(1)}`, { label: "One" }).calls).toEqual([[expect.anything(), "One"]]);
  });

  it("refuses a line whose label is longer than the watch list keeps, and keeps it in the box", () => {
    const long = `${"x".repeat(201)} | ${devopsUrl(1)}`;
    const { report, remainingText } = done(`${long}\n${devopsUrl(2)}`);
    expect(report.refused.map((r) => r.reason)).toEqual(["the label is 201 characters long; a label is at most 200"]);
    expect(remainingText).toBe(long);
  });

  it("refuses a Label for several operations and adds nothing; per-line labels are fine", () => {
    const { result, calls } = run(`${devopsUrl(1)}\n${devopsUrl(2)}`, { label: "Both" });
    expect(result).toEqual({
      ok: false,
      error: 'the Label names one operation, and this paste has 2: clear the Label, or give each line its own label as "label | URL"',
    });
    expect(calls).toEqual([]);
    expect(done(`First | ${devopsUrl(1)}\nSecond | ${devopsUrl(2)}`).calls.map(([, label]) => label)).toEqual(["First", "Second"]);
  });

  it("counts context lines, and drops them from the box once something was added", () => {
    const { report, remainingText } = done(`HTTP/1.1 202 Accepted\nRetry-After: 10\nAzure-AsyncOperation: ${devopsUrl(1)}\nLocation: ${COMPUTE}`);
    expect(report.ignored.map((l) => l.lineNumber)).toEqual([1, 2]);
    expect(report.added).toHaveLength(1);
    expect(remainingText).toBe(`Location: ${COMPUTE}`);
  });

  it("explains each line when no line looks like an operation", () => {
    const { report, remainingText } = done("HTTP/1.1 202 Accepted\nRetry-After: 10");
    expect(report.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^this line is an HTTP status line; opwatch needs/),
      expect.stringMatching(/^this line is a Retry-After header; opwatch needs an operation URL/),
    ]);
    expect(remainingText).toBe("HTTP/1.1 202 Accepted\nRetry-After: 10");
  });

  it("says there is nothing to read in an empty paste", () => {
    const { result } = run("  \n ");
    expect(result.ok ? "" : result.error).toMatch(/^nothing to read/);
  });
});

describe("devcenterHostCheck", () => {
  it("lets devops refs through and matches ports exactly", () => {
    const check = devcenterHostCheck("http://127.0.0.1:4110");
    expect(check(refOf(devopsUrl(1)))).toBeUndefined();
    expect(check(refOf("http://127.0.0.1:4110/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3"))).toBeUndefined();
    expect(check(refOf("http://127.0.0.1:4111/projects/myProject/operationstatuses/fa067167-e49d-41bd-8dd8-de719b9de3b3"))).toMatch(
      /127\.0\.0\.1:4111: it is not in DEVCENTER_ALLOWED_HOSTS/,
    );
  });

  it("allows nothing when the list does not parse", () => {
    expect(devcenterHostCheck("ftp://x")(refOf(devcenterUrl("a.devcenter.azure.com")))).toMatch(/DEVCENTER_ALLOWED_HOSTS \(ftp:\/\/x\)/);
  });
});

function refOf(url: string): OperationRef {
  let ref: OperationRef | undefined;
  const result = runPaste({
    text: url,
    label: "",
    checkHost: () => undefined,
    maxLabelChars: 200,
    add: (r) => {
      ref = r;
      return "added";
    },
  });
  if (!result.ok || ref === undefined) throw new Error(`not an operation: ${url}`);
  return ref;
}

const refKeyOf = (url: string) => refKey(refOf(url));
