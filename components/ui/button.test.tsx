import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button } from "./button";
import { focusRing } from "./focus-ring";

describe("Button", () => {
  it("is a plain button by default, with the one focus ring", () => {
    const html = renderToStaticMarkup(<Button>Copy</Button>);
    expect(html).toContain('type="button"');
    expect(html).toContain(focusRing);
    expect(html).toContain(">Copy</button>");
  });

  it("passes type, aria and data attributes through", () => {
    const html = renderToStaticMarkup(
      <Button type="submit" variant="primary" aria-label="Watch it" data-testid="add-operation-submit" disabled>
        Watch
      </Button>,
    );
    expect(html).toContain('type="submit"');
    expect(html).toContain('aria-label="Watch it"');
    expect(html).toContain('data-testid="add-operation-submit"');
    expect(html).toContain("disabled");
  });
});
