import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEVCENTER_ALLOWED_HOSTS, matchAllowList, parseAllowList, type AllowRule } from "./allow-list";
import {
  devcenterUpstreamUrl,
  devopsUpstreamUrl,
  parseAppPath,
  permalinkPath,
  proxyPath,
  refFromSegments,
  refSegments,
  type OperationRef,
} from "./operation-ref";
import { PARAM_NAMES, validateParam } from "./params";
import { parsePaste, parsePastedOperation } from "./paste-parser";

const OP_ID = "fa067167-e49d-41bd-8dd8-de719b9de3b3";

const rules = ((): AllowRule[] => {
  const parsed = parseAllowList(DEFAULT_DEVCENTER_ALLOWED_HOSTS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
})();

/** Text built from the pieces that make URL tricks, in any order and number. */
const hostilePieces = fc.constantFrom(
  "https://",
  "http://",
  "HTTPS://",
  "//",
  "https:/",
  "ftp://",
  "javascript:",
  "Location: ",
  '"',
  " ",
  "\n",
  "x.devcenter.azure.com",
  "devcenter.azure.com",
  ".devcenter.azure.com",
  "x.devcenter.azure.com.",
  "x.devcenter.azure.com.evil.com",
  "evil.com",
  "evil.com@",
  "x.devcenter.azure.com@",
  "u:p@",
  "@",
  "127.0.0.1",
  "0x7f.1",
  "2130706433",
  "[::1]",
  "x%2edevcenter%2eazure%2ecom",
  "ｘ.devcenter.azure.com",
  "x.devcenter.azure。com",
  "x.devcenter.azure.ｃｏｍ",
  "\u212Aa.devcenter.azure.com",
  "xn--80ak6aa92e.devcenter.azure.com",
  "localhost",
  ":443",
  ":8443",
  ":",
  ":0",
  ":65536",
  "%3A443",
  "/",
  "\\",
  "%2f",
  "%2F",
  "..",
  "%2e%2e",
  "/../",
  "?",
  "#",
  "/op/devcenter/",
  "/api/devcenter/",
  "/projects/",
  "proj",
  "/operationstatuses/",
  OP_ID,
  "/subscriptions/",
  "?api-version=2025-02-01",
);
const hostileText = fc.array(hostilePieces, { maxLength: 14 }).map((parts) => parts.join(""));

/** Hosts that a URL parser would turn into, or that look like, a *.devcenter.azure.com host. */
const TRICK_HOSTS = [
  "ｘ.devcenter.azure.com",
  "x.devcenter.azure。com",
  "x.devcenter.azure.ｃｏｍ",
  "X.DEVCENTER.AZURE.COM.",
  "x%2edevcenter.azure.com",
  "x.devcenter%2Eazure.com",
  "\u212Aa.devcenter.azure.com",
  "x.devcenter.azure.com%00",
  "x.devcenter.azure.com%2f@evil.com",
  "evil.com%23.devcenter.azure.com",
  "evil.com\\.devcenter.azure.com",
  "evil.com/.devcenter.azure.com",
  "evil.com?.devcenter.azure.com",
  "evil.com#.devcenter.azure.com",
  "x.devcenter.azure.com..",
  "x.devcenter.azure.com\u200b",
  "x.devcenter.azure.c\u043em",
  "0x7f.1",
  "[::ffff:127.0.0.1]",
];

/** Shaped like a real DevCenter paste, with one trick in the host. */
const trickyDevcenterUrl = fc
  .record({
    scheme: fc.constantFrom("https://", "http://", "HTTPS://", "", "//"),
    userinfo: fc.oneof({ weight: 3, arbitrary: fc.constant("") }, fc.constantFrom("evil.com@", "x.devcenter.azure.com@", "u:p@")),
    host: fc.oneof(
      fc.constantFrom("x.devcenter.azure.com", "a-b.westus3.devcenter.azure.com", "x.devcenter.azure.com.evil.com"),
      { weight: 4, arbitrary: fc.constantFrom(...TRICK_HOSTS) },
      fc.array(hostilePieces, { minLength: 1, maxLength: 4 }).map((p) => p.join("")),
    ),
    port: fc.constantFrom("", ":443", ":8443", ":", "%3A443"),
    path: fc.constantFrom(
      `/projects/proj/operationstatuses/${OP_ID}`,
      `/op/devcenter/x.devcenter.azure.com%2F@evil.com/proj/${OP_ID}`,
      `/op/devcenter/evil.com%2523.devcenter.azure.com/proj/${OP_ID}`,
      `/x/../projects/proj/operationstatuses/${OP_ID}`,
      `/x/%2e%2e/projects/proj/operationstatuses/${OP_ID}`,
    ),
  })
  .map((p) => `${p.scheme}${p.userinfo}${p.host}${p.port}${p.path}`);

const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), hostileText, trickyDevcenterUrl);

const GENUINE_DEVCENTER_HOST = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+devcenter\.azure\.com$/;

/** The ref's host appears as written in the paste, as a whole host: after a slash (or first) and before a slash. */
function hostAppearsVerbatim(text: string, host: string): boolean {
  const lower = text.toLowerCase();
  return [`/${host}/`, `/${host}:443/`, `/${host}%3a443/`].some((s) => lower.includes(s)) || new RegExp(`^\\W*${host.replaceAll(".", "\\.")}(:443)?/`).test(lower.replace(/^location:\s*/, ""));
}

describe("validators never throw", () => {
  it("validateParam", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAM_NAMES), fc.oneof(fc.anything(), fc.string({ unit: "binary" }), hostileText), (name, value) => {
        const result = validateParam(name, value);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
  it("refFromSegments", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("devops", "devcenter")), fc.array(anyText, { maxLength: 6 }), (kind, segments) => {
        expect(typeof refFromSegments(kind, segments).ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
  it("parseAppPath", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof parseAppPath(text).ok).toBe("boolean");
      }),
      { numRuns: 1000 },
    );
  });
  it("parsePastedOperation", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parsePastedOperation(text);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parsePastedOperation never yields a ref off the allow-list", () => {
  it("a DevCenter ref that matches the default allow-list names a genuine *.devcenter.azure.com host, as pasted", () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, trickyDevcenterUrl), (text) => {
        const result = parsePastedOperation(text);
        if (!result.ok || result.value.kind !== "devcenter") return;
        const host = result.value.endpointHost;
        if (matchAllowList(host, rules) === undefined) return;
        expect(host).toMatch(GENUINE_DEVCENTER_HOST);
        expect(hostAppearsVerbatim(text, host)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
  it("in a paste of many lines, each allowed DevCenter ref names a genuine host, as written on its own line", () => {
    const labelled = fc.tuple(fc.constantFrom("", "label | ", "a|b | ", '"Location": "', "Operation-Location: "), trickyDevcenterUrl).map(([p, u]) => p + u);
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileText, trickyDevcenterUrl, labelled), { maxLength: 6 }), (lines) => {
        const parsed = parsePaste(lines.join("\n"));
        if (!parsed.ok) return;
        for (const line of parsed.value.lines) {
          if (!line.result.ok || line.result.value.kind !== "devcenter") continue;
          const host = line.result.value.endpointHost;
          if (matchAllowList(host, rules) === undefined) continue;
          expect(host).toMatch(GENUINE_DEVCENTER_HOST);
          expect(hostAppearsVerbatim(line.value, host)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
  it("the generators do reach allowed refs (so the property above is not vacuous)", () => {
    const allowed = fc
      .sample(trickyDevcenterUrl, { numRuns: 3000, seed: 7 })
      .map(parsePastedOperation)
      .filter((r) => r.ok && r.value.kind === "devcenter" && matchAllowList(r.value.endpointHost, rules) !== undefined);
    expect(allowed.length).toBeGreaterThan(0);
  });
});

// Valid refs, for round trips.
const notPunycode = (l: string) => !l.startsWith("xn--");
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/).filter(notPunycode);
const letterLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,20}[a-z0-9])?$/).filter(notPunycode);
const endpointHost = fc
  .tuple(fc.array(label, { maxLength: 3 }), letterLabel, fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
  .map(([labels, last, port]) => [...labels, last].join(".") + (port === undefined ? "" : `:${port}`));
const noTrailingDot = (s: string) => !s.endsWith(".");
const devopsRef = fc.record({
  kind: fc.constant("devops" as const),
  subscriptionId: fc.uuid(),
  resourceGroupName: fc.stringMatching(/^[-\w._()]{1,90}$/).filter(noTrailingDot),
  securityConnectorName: fc.stringMatching(/^[-\w._()]{1,100}$/).filter(noTrailingDot),
  operationResultId: fc.stringMatching(/^[-\w.]{1,100}$/).filter(noTrailingDot),
});
const devcenterRef = fc.record({
  kind: fc.constant("devcenter" as const),
  endpointHost,
  projectName: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-_.]{2,62}$/).filter(noTrailingDot),
  operationId: fc.stringMatching(/^[a-zA-Z0-9]{8}-([a-zA-Z0-9]{4}-){3}[a-zA-Z0-9]{12}$/),
});
const validRef: fc.Arbitrary<OperationRef> = fc.oneof(devopsRef, devcenterRef);

describe("round trips", () => {
  it("generated refs are valid", () => {
    fc.assert(
      fc.property(validRef, (ref) => {
        expect(refFromSegments(ref.kind, refSegments(ref))).toEqual({ ok: true, value: ref });
      }),
    );
  });
  it("parseAppPath(permalinkPath(ref)) and parseAppPath(proxyPath(ref)) give the ref back", () => {
    fc.assert(
      fc.property(validRef, (ref) => {
        expect(parseAppPath(permalinkPath(ref))).toEqual({ ok: true, value: ref });
        expect(parseAppPath(proxyPath(ref))).toEqual({ ok: true, value: ref });
      }),
    );
  });
  it("a pasted permalink (with or without origin) gives the ref back", () => {
    fc.assert(
      fc.property(validRef, fc.constantFrom("", "http://localhost:3000", "https://opwatch.example.com"), (ref, origin) => {
        expect(parsePastedOperation(`${origin}${permalinkPath(ref)}`)).toEqual({ ok: true, value: ref });
      }),
    );
  });
  it("a pasted upstream URL gives the ref back", () => {
    fc.assert(
      fc.property(validRef, (ref) => {
        const url =
          ref.kind === "devops"
            ? devopsUpstreamUrl(ref, "https://management.azure.com")
            : devcenterUpstreamUrl(ref, `http://${ref.endpointHost}`);
        // The URL class drops a default port; the ref then has none either.
        const expected = ref.kind === "devcenter" ? { ...ref, endpointHost: ref.endpointHost.replace(/:80$/, "") } : ref;
        expect(parsePastedOperation(url.href)).toEqual({ ok: true, value: expected });
      }),
    );
  });
});
