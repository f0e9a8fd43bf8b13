import { describe, expect, it } from "vitest";
import { codeWords } from "@/components/ui/code-words";

describe("codeWords", () => {
  it.each([
    ["OrganizationOnboardingFailed", ["Organization", "Onboarding", "Failed"]],
    ["ProjectDiscoveryFailedForSeveralProjects", ["Project", "Discovery", "Failed", "For", "Several", "Projects"]],
    ["HTTPRequestFailed", ["HTTP", "Request", "Failed"]],
    ["invalidApiVersion", ["invalid", "Api", "Version"]],
    ["Error404NotFound", ["Error404", "Not", "Found"]],
    ["QUOTA_EXCEEDED", ["QUOTA_", "EXCEEDED"]],
    ["Microsoft.Security/NotAllowed", ["Microsoft.", "Security/", "Not", "Allowed"]],
    ["Conflict", ["Conflict"]],
    ["TOOMANY", ["TOOMANY"]],
    ["", [""]],
  ])("%s", (code, words) => {
    expect(codeWords(code)).toEqual(words);
    expect(codeWords(code).join("")).toBe(code);
  });
});
