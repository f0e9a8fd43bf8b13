import { describe, expect, it } from "vitest";
import { parseVmRssMiB, residentMiB } from "./proc-memory";

describe("parseVmRssMiB", () => {
  it("reads VmRSS in kB as MiB", () => {
    expect(parseVmRssMiB("Name:\tnode\nVmPeak:\t 900000 kB\nVmRSS:\t  131072 kB\nRssAnon:\t 100 kB\n")).toBe(128);
  });

  it("is undefined when the line is missing (a kernel thread, a zombie)", () => {
    expect(parseVmRssMiB("Name:\tkthreadd\nState:\tS (sleeping)\n")).toBeUndefined();
  });
});

describe("residentMiB", () => {
  it("is undefined for no process, and a positive figure for this one on Linux", () => {
    expect(residentMiB(undefined)).toBeUndefined();
    if (process.platform === "linux") expect(residentMiB(process.pid)).toBeGreaterThan(0);
  });
});
