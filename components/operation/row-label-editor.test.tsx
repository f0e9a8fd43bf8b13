import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RowLabelEditor } from "./row-label-editor";

describe("RowLabelEditor", () => {
  it("is a form with a named field, Save and Cancel", () => {
    const html = renderToStaticMarkup(<RowLabelEditor name="conn in rg" initial="Mine" onSave={() => undefined} onCancel={() => undefined} />);
    expect(html).toContain('aria-label="Label for conn in rg"');
    expect(html).toContain('value="Mine"');
    expect(html).toContain('maxLength="200"');
    expect(html).toContain('type="submit"');
    expect(html).toContain(">Cancel</button>");
  });
});
