import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AddOperationForm } from "./add-operation-form";

const count = (html: string, text: string) => html.split(text).length - 1;

describe("AddOperationForm", () => {
  const html = renderToStaticMarkup(<AddOperationForm checkHost={() => undefined} onAdd={() => "added"} onDone={() => undefined} />);

  it("is one form with one Label field and one Watch button, for pasted URLs and for ids alike", () => {
    expect(count(html, "<form")).toBe(1);
    expect(count(html, 'data-testid="add-operation-label"')).toBe(1);
    expect(count(html, 'type="submit"')).toBe(1);
    expect(count(html, ">Label <")).toBe(1);
  });

  it("starts with the paste box shown and the ids fields hidden, the way pressed", () => {
    expect(html).toMatch(/<div><div[^>]*><label[^>]*>Paste operation URLs, one per line</);
    expect(html).toMatch(/<div hidden=""><div[^>]*><fieldset[^>]*><legend[^>]*>Kind of operation</);
    expect(html).toMatch(/aria-pressed="true"[^>]*>Paste URLs</);
    expect(html).toMatch(/aria-pressed="false"[^>]*>Enter ids</);
  });
});
