import { describe, expect, it, vi } from "vitest";
import { legacyCopy, writeClipboard, type ClipboardEnv } from "./clipboard";

const env = (clipboard: ClipboardEnv["clipboard"], legacy: ClipboardEnv["legacyCopy"]): ClipboardEnv => ({ clipboard, legacyCopy: legacy });

describe("writeClipboard", () => {
  it("uses the Clipboard API when it accepts, and never the fallback", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const legacy = vi.fn(() => true);
    expect(await writeClipboard("x", env({ writeText }, legacy))).toBe(true);
    expect(writeText).toHaveBeenCalledWith("x");
    expect(legacy).not.toHaveBeenCalled();
  });

  it("falls back when the Clipboard API is missing (plain http)", async () => {
    const legacy = vi.fn(() => true);
    expect(await writeClipboard("x", env(undefined, legacy))).toBe(true);
    expect(legacy).toHaveBeenCalledWith("x");
  });

  it("falls back when the Clipboard API refuses (permissions)", async () => {
    const writeText = vi.fn(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    const legacy = vi.fn(() => true);
    expect(await writeClipboard("x", env({ writeText }, legacy))).toBe(true);
    expect(legacy).toHaveBeenCalledWith("x");
  });

  it("reports failure, without throwing, when both ways are refused", async () => {
    const writeText = () => Promise.reject(new Error("denied"));
    expect(await writeClipboard("x", env({ writeText }, () => false))).toBe(false);
    expect(
      await writeClipboard(
        "x",
        env(undefined, () => {
          throw new Error("execCommand unsupported");
        }),
      ),
    ).toBe(false);
  });
});

describe("legacyCopy", () => {
  /** Just enough of a document for the textarea dance, recording what happened. */
  function fakeDocument(copyResult: boolean) {
    const events: string[] = [];
    const area = {
      value: "",
      style: {} as Record<string, string>,
      setAttribute: () => undefined,
      select: () => events.push(`select ${area.value}`),
      remove: () => events.push("remove"),
    };
    const active = { focus: () => events.push("refocus") };
    const doc = {
      activeElement: active,
      createElement: () => area,
      body: { appendChild: () => events.push("append") },
      execCommand: (command: string) => {
        events.push(command);
        return copyResult;
      },
    };
    return { doc: doc as unknown as Document, events };
  }

  it("copies a selected textarea, removes it and gives focus back", () => {
    const { doc, events } = fakeDocument(true);
    expect(legacyCopy("hello", doc)).toBe(true);
    expect(events).toEqual(["append", "select hello", "copy", "remove", "refocus"]);
  });

  it("cleans up and gives focus back when the browser refuses", () => {
    const { doc, events } = fakeDocument(false);
    expect(legacyCopy("hello", doc)).toBe(false);
    expect(events.slice(-2)).toEqual(["remove", "refocus"]);
  });
});
