import { describe, expect, it } from "vitest";
import { DEVCENTER_RUNNING_EXAMPLE, DEVOPS_FAILED_EXAMPLE } from "./seed-examples";
import { formatWireIssue, MAX_WIRE_DEPTH, MAX_WIRE_ISSUES, parseAzureDate, readErrorResponse, readOperationBody } from "./wire-reader";

const messages = (body: unknown) => readOperationBody(body).issues.map(formatWireIssue);

describe("readOperationBody on the documented examples", () => {
  it("reads the devops failure with no issues", () => {
    const { value, issues } = readOperationBody(DEVOPS_FAILED_EXAMPLE);
    expect(issues).toEqual([]);
    expect(value).toMatchObject({
      id: DEVOPS_FAILED_EXAMPLE.id,
      name: "8d4caace-e7b3-4b3e-af99-73f76829ebcf",
      status: "Failed",
      percentComplete: 100,
      startTime: "2023-06-21T03:23:15Z",
      endTime: "2023-06-21T03:25:15Z",
      error: { code: "TokenExchangeFailed", message: "AzureDevOps OAuth token exchange failed", details: [] },
      operations: [],
    });
  });
  it("reads the DevCenter example with no issues", () => {
    const { value, issues } = readOperationBody(DEVCENTER_RUNNING_EXAMPLE);
    expect(issues).toEqual([]);
    expect(value.status).toBe("Running");
    expect(value.startTime).toBe("2024-01-24T21:14:58.472Z");
    expect(value.endTime).toBeUndefined();
  });
});

describe("readOperationBody is tolerant and says what was wrong", () => {
  it("keeps an unknown status verbatim", () => {
    const { value, issues } = readOperationBody({ status: "SomethingNew" });
    expect(value.status).toBe("SomethingNew");
    expect(issues).toEqual([]);
  });
  it("missing, null and wrong-typed status become null with an issue", () => {
    expect(readOperationBody({}).value.status).toBeNull();
    expect(messages({})).toEqual(["status: missing"]);
    expect(messages({ status: null })).toEqual(["status: is null"]);
    expect(messages({ status: 3 })).toEqual(["status: expected a string, got a number; ignored"]);
  });
  it.each([
    [150, 100, "percentComplete: 150 is outside 0-100; shown as 100"],
    [-5, 0, "percentComplete: -5 is outside 0-100; shown as 0"],
    ["42", 42, 'percentComplete: expected a number, got the string "42"; read as 42'],
    ["half", undefined, "percentComplete: expected a number, got a string; ignored"],
    [true, undefined, "percentComplete: expected a number, got a boolean; ignored"],
    [Number.NaN, undefined, "percentComplete: NaN is not a usable percentage; ignored"],
  ])("percentComplete %s reads as %s", (percent, expected, issue) => {
    const read = readOperationBody({ status: "Running", percentComplete: percent });
    expect(read.value.percentComplete).toBe(expected);
    expect(read.issues.map(formatWireIssue)).toEqual([issue]);
  });
  it("drops a bad date and reports it; keeps the good one", () => {
    const read = readOperationBody({ status: "Running", startTime: "yesterday", endTime: "2024-02-30T00:00:00Z" });
    expect(read.value.startTime).toBeUndefined();
    expect(read.value.endTime).toBeUndefined();
    expect(read.issues.map(formatWireIssue)).toEqual([
      'startTime: "yesterday" is not a date and time; ignored',
      'endTime: "2024-02-30T00:00:00Z" is not a date and time; ignored',
    ]);
  });
  it("ignores extra fields and wrong-typed ones without throwing", () => {
    const read = readOperationBody({ status: "Running", extra: { deep: [1] }, name: 7, error: "boom", operations: {} });
    expect(read.value.name).toBeUndefined();
    expect(read.value.error).toBeUndefined();
    expect(read.value.operations).toEqual([]);
    expect(read.issues.map(formatWireIssue)).toEqual([
      "name: expected a string, got a number; ignored",
      "error: expected an error object, got a string; ignored",
      "operations: expected an array, got an object; ignored",
    ]);
  });
  it.each([["a string"], [42], [null], [undefined], [[1, 2]]])("a body that is not an object: %j", (body) => {
    const read = readOperationBody(body);
    expect(read.value.status).toBeNull();
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]?.message).toMatch(/^the body is not a JSON object/);
  });
  it("reads nested operations with paths to their problems", () => {
    const read = readOperationBody({
      status: "Running",
      operations: [{ status: "Succeeded" }, { status: "Failed", percentComplete: 200, operations: [{ status: null }] }, 5],
    });
    expect(read.value.operations.map((o) => o.status)).toEqual(["Succeeded", "Failed", null]);
    expect(read.value.operations[1]?.operations[0]?.status).toBeNull();
    expect(read.issues.map(formatWireIssue)).toEqual([
      "operations[1].percentComplete: 200 is outside 0-100; shown as 100",
      "operations[1].operations[0].status: is null",
      "operations[2]: expected an operation object, got a number",
    ]);
  });
  it("keeps DevCenter resourceId and properties", () => {
    const read = readOperationBody({ status: "Succeeded", resourceId: "/projects/p/x", properties: { a: [1] } });
    expect(read.value.resourceId).toBe("/projects/p/x");
    expect(read.value.properties).toEqual({ a: [1] });
  });
});

describe("error trees", () => {
  it("reads a three-level ARM details tree with additionalInfo", () => {
    const { value, issues } = readErrorResponse({
      error: {
        code: "Outer",
        message: "outer",
        target: "t",
        details: [
          { code: "Mid", details: [{ code: "Leaf", message: "leaf" }] },
          { code: "Mid2", additionalInfo: [{ type: "PolicyViolation", info: { policy: "p" } }, "junk"] },
        ],
      },
    });
    expect(value?.code).toBe("Outer");
    expect(value?.target).toBe("t");
    expect(value?.details[0]?.details[0]).toMatchObject({ code: "Leaf", message: "leaf" });
    expect(value?.details[1]?.additionalInfo).toEqual([{ type: "PolicyViolation", info: { policy: "p" } }]);
    expect(issues.map(formatWireIssue)).toEqual([
      "error.details[1].additionalInfo[1]: expected an object with type and info, got a string; ignored",
    ]);
  });
  it("flattens an innererror chain outermost first", () => {
    const { value } = readErrorResponse({
      error: { code: "A", message: "a", innererror: { code: "B", innererror: { code: "C", innererror: {} } } },
    });
    expect(value?.innererrors).toEqual([{ code: "B" }, { code: "C" }, { code: undefined }]);
  });
  it("answers undefined for a body without an error", () => {
    expect(readErrorResponse({}).value).toBeUndefined();
    expect(readErrorResponse("oops").value).toBeUndefined();
    expect(readErrorResponse({ error: null }).issues).toHaveLength(1);
  });
  it("caps absurd nesting and reports it instead of overflowing the stack", () => {
    let details: unknown = { code: "bottom" };
    for (let i = 0; i < 100_000; i++) details = { code: `L${i}`, details: [details] };
    let inner: unknown = { code: "bottom" };
    for (let i = 0; i < 100_000; i++) inner = { code: `I${i}`, innererror: inner };
    let ops: unknown = { status: "Running" };
    for (let i = 0; i < 100_000; i++) ops = { status: "Running", operations: [ops] };
    const deepError = readErrorResponse({ error: details });
    let depth = 0;
    for (let node = deepError.value; node; node = node.details[0]) depth++;
    expect(depth).toBe(MAX_WIRE_DEPTH);
    expect(deepError.issues.map((i) => i.message)).toEqual([`nested deeper than ${MAX_WIRE_DEPTH} levels; deeper details dropped`]);
    expect(readErrorResponse({ error: { code: "x", innererror: inner } }).value?.innererrors).toHaveLength(MAX_WIRE_DEPTH);
    const deepOps = readOperationBody(ops);
    expect(deepOps.issues.map((i) => i.message)).toEqual([
      `nested deeper than ${MAX_WIRE_DEPTH} levels; deeper operations dropped`,
    ]);
  });
  it("lists at most MAX_WIRE_ISSUES problems and counts the rest", () => {
    const read = readOperationBody({ status: "Running", operations: Array.from({ length: 200 }, () => ({ status: 1 })) });
    expect(read.issues).toHaveLength(MAX_WIRE_ISSUES + 1);
    expect(read.issues.at(-1)?.message).toBe(`and ${200 - MAX_WIRE_ISSUES} more problems not listed`);
  });
});

describe("parseAzureDate", () => {
  it.each([
    ["2023-06-21T03:23:15Z", Date.UTC(2023, 5, 21, 3, 23, 15)],
    ["2024-01-24T21:14:58.472Z", Date.UTC(2024, 0, 24, 21, 14, 58, 472)],
    ["2024-01-24T21:14:58.4721234Z", Date.UTC(2024, 0, 24, 21, 14, 58, 472)],
    ["2024-01-24T21:14:58", Date.UTC(2024, 0, 24, 21, 14, 58)],
    ["2024-01-24T23:14:58+02:00", Date.UTC(2024, 0, 24, 21, 14, 58)],
    ["2024-01-24T19:14:58-0200", Date.UTC(2024, 0, 24, 21, 14, 58)],
    ["2024-02-29", Date.UTC(2024, 1, 29)],
  ])("%s", (text, expected) => {
    expect(parseAzureDate(text)).toBe(expected);
  });
  it.each(["", "yesterday", "2023-02-29", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z", "1700000000", "2024-01-01T00:00:00+25:00"])(
    "rejects %j",
    (text) => {
      expect(parseAzureDate(text)).toBeUndefined();
    },
  );
});
