import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalCertificateNote } from "./local-certificate-note";

describe("LocalCertificateNote", () => {
  it("says in one sentence why the browser warns, with one link to the sign-in server's root", () => {
    const html = renderToStaticMarkup(<LocalCertificateNote authority="https://localhost:4443" />);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('href="https://localhost:4443/"');
    expect(html).toContain(">open the local sign-in server</a>");
    expect(html).toContain("uses a certificate made on this machine, so your browser warns about it once");
    expect(html).toContain("accept its certificate, and come back here to sign in.");
  });

  it("links to the server's root even when the authority has a path", () => {
    expect(renderToStaticMarkup(<LocalCertificateNote authority="https://127.0.0.1:4543/tenant" />)).toContain('href="https://127.0.0.1:4543/"');
  });
});
