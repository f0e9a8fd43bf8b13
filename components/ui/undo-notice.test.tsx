import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UndoNotice } from "./undo-notice";

describe("UndoNotice", () => {
  it("keeps an empty live region in the page when nothing can be undone", () => {
    const html = renderToStaticMarkup(<UndoNotice offer={undefined} onUndo={() => undefined} onExpire={() => undefined} />);
    expect(html).toContain('role="status"');
    expect(html).not.toContain("undo-notice");
  });

  it("shows the message with an Undo button and a named dismiss", () => {
    const html = renderToStaticMarkup(<UndoNotice offer={{ id: 1, message: "Removed conn in rg." }} onUndo={() => undefined} onExpire={() => undefined} />);
    expect(html).toContain('data-testid="undo-notice"');
    expect(html).toContain("Removed conn in rg.");
    expect(html).toContain(">Undo</button>");
    expect(html).toContain('aria-label="Dismiss the undo offer"');
  });
});
