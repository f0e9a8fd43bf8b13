import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { DevopsRef } from "@/lib/azure/operation-ref";
import type { PasteReport } from "@/lib/azure/paste-plan";
import { pasteSummary, PasteRefusals, sentence } from "./paste-report";

const ref = (id: string): DevopsRef => ({
  kind: "devops",
  subscriptionId: "0806e1cd-cfda-4ff8-b99c-2b0af42cffd3",
  resourceGroupName: "rg",
  securityConnectorName: "conn",
  operationResultId: id,
});

const empty: PasteReport = { added: [], alreadyWatched: [], repeats: [], refused: [], ignored: [] };

describe("pasteSummary", () => {
  it("names a single added operation by its label", () => {
    expect(pasteSummary({ ...empty, added: [{ lineNumber: 1, ref: ref("op-1"), label: "Onboarding" }] })).toEqual(["Added Onboarding (op-1)."]);
  });

  it("counts many without naming them", () => {
    const added = [1, 2, 3, 4].map((n) => ({ lineNumber: n, ref: ref(`op-${n}`), label: undefined }));
    expect(pasteSummary({ ...empty, added })).toEqual(["Added 4 operations."]);
  });

  it("names a few, says what was already watched, repeated and skipped", () => {
    const summary = pasteSummary({
      ...empty,
      added: [
        { lineNumber: 1, ref: ref("op-1"), label: undefined },
        { lineNumber: 2, ref: ref("op-2"), label: undefined },
      ],
      alreadyWatched: [{ lineNumber: 4, ref: ref("op-4"), label: "Mine" }],
      repeats: [{ lineNumber: 3, sameAs: 1 }],
      ignored: [
        { lineNumber: 5, text: "Retry-After: 10", what: "a Retry-After header" },
        { lineNumber: 6, text: "HTTP/1.1 202 Accepted", what: "an HTTP status line" },
      ],
    });
    expect(summary).toEqual([
      "Added 2 operations: conn in rg (op-1); conn in rg (op-2).",
      "Already watching conn in rg (op-4); its label was not changed.",
      "Line 3 repeats line 1.",
      "Skipped 2 lines that name no operation (a Retry-After header, an HTTP status line).",
    ]);
  });
});

describe("PasteRefusals", () => {
  it("lists each refused line with its text and reason, as an alert tied to the box", () => {
    const html = renderToStaticMarkup(
      <PasteRefusals
        id="r"
        run={{
          ok: true,
          value: {
            remainingText: "bad <line>",
            report: {
              ...empty,
              added: [{ lineNumber: 1, ref: ref("op-1"), label: undefined }],
              refused: [{ lineNumber: 2, text: "bad <line>", reason: "this is wrong" }],
            },
          },
        }}
      />,
    );
    expect(html).toContain('id="r" role="alert" data-testid="add-operation-error"');
    expect(html).toContain("1 line was not added; it is still in the box:");
    expect(html).toContain('data-testid="paste-refused-line"');
    expect(html).toContain("bad &lt;line&gt;");
    expect(html).toContain("This is wrong");
  });

  it("says nothing was added when no line could be", () => {
    const html = renderToStaticMarkup(
      <PasteRefusals
        id="r"
        run={{
          ok: true,
          value: {
            remainingText: "a\nb",
            report: {
              ...empty,
              refused: [
                { lineNumber: 1, text: "a", reason: "x1" },
                { lineNumber: 2, text: "b", reason: "x2" },
              ],
            },
          },
        }}
      />,
    );
    expect(html).toContain("Nothing was added. These 2 lines could not be:");
  });

  it("shows a whole-paste error, and nothing when every line went in", () => {
    expect(renderToStaticMarkup(<PasteRefusals id="r" run={{ ok: false, error: "nothing to read: paste" }} />)).toContain(
      "<p>Nothing to read: paste</p>",
    );
    expect(renderToStaticMarkup(<PasteRefusals id="r" run={{ ok: true, value: { remainingText: "", report: empty } }} />)).toBe("");
    expect(renderToStaticMarkup(<PasteRefusals id="r" run={undefined} />)).toBe("");
  });

  it("starts each reason as a sentence", () => {
    expect(sentence("this is x")).toBe("This is x");
  });
});
