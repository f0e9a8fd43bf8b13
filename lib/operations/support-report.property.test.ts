import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleDevopsRef, sampleOperation } from "@/lib/dev/test-support/operation-fixtures";
import type { ErrorNode } from "./model";
import { buildSupportReport } from "./support-report";
import { reportToMarkdown, reportToText } from "./support-report-render";

/**
 * Whatever Azure, the proxy or the person put in a field, a credential in it never reaches a report: every field from
 * outside gets arbitrary text around a random JWT, a Bearer value, a cookie and an Authorization value.
 */

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("");
/** Long enough that neither the text around it nor the report's own words can hold it by chance. */
const secretValue = fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 24, maxLength: 40 });

interface Secrets {
  header: string;
  payload: string;
  signature: string;
  bearer: string;
  cookie: string;
  authorization: string;
}

const secrets: fc.Arbitrary<Secrets> = fc.record({
  header: secretValue,
  payload: secretValue,
  signature: secretValue,
  bearer: secretValue,
  cookie: secretValue,
  authorization: secretValue,
});

/** The secret values that must not appear (a JWT's header alone, `eyJ…` before the first dot, names no one). */
const secretParts = (s: Secrets): string[] => [s.payload, s.signature, s.bearer, s.cookie, s.authorization];

const phrases = (s: Secrets): string[] => [
  `eyJ${s.header}.${s.payload}.${s.signature}`,
  `Bearer ${s.bearer}`,
  `Cookie: session=${s.cookie}; theme=dark`,
  `Set-Cookie: id=${s.cookie}`,
  `Authorization: Basic ${s.authorization}`,
  `"Authorization": "${s.authorization}"`,
];

/** Arbitrary text (any code point, line breaks included) around one of the phrases. */
const fieldsArbitrary = fc.record({
  secrets,
  around: fc.array(fc.tuple(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), fc.nat()), {
    minLength: 40,
    maxLength: 40,
  }),
});

describe("support report secrets", () => {
  it("no report built from fields that embed a JWT, a Bearer value, a cookie or an Authorization value holds them", () => {
    fc.assert(
      fc.property(fieldsArbitrary, ({ secrets: s, around }) => {
        const list = phrases(s);
        let n = 0;
        const field = (): string => {
          const [before = "", after = "", pick = 0] = around[n++ % around.length] ?? [];
          return `${before}${list[pick % list.length] ?? ""}${after}`;
        };
        const leaf: ErrorNode = { code: field(), message: field(), target: field(), details: [], additionalInfo: [], innerErrors: [{ code: field() }] };
        const error: ErrorNode = {
          code: field(),
          message: field(),
          target: field(),
          details: [leaf],
          additionalInfo: [{ type: field(), info: { note: field(), [field()]: field(), token: field() } }],
          innerErrors: [],
        };
        const child = sampleOperation({ name: field(), status: field(), category: "failed", error: { ...leaf, code: field() } });
        const operation = sampleOperation({ name: field(), id: field(), status: field(), category: "failed", error, children: [child], resourceId: field() });
        const ids = { requestId: field(), correlationId: field(), clientRequestId: field() };
        const report = buildSupportReport({
          ref: sampleDevopsRef,
          label: field(),
          now: 0,
          snapshot: {
            operation,
            lastResponse: { httpStatus: 500, at: 1, errorCode: field(), latencyMs: 1, retryAfterMs: undefined, remainingReads: undefined, body: field(), ...ids },
            lastReadError: {
              httpStatus: 500,
              responseStatus: 500,
              code: field(),
              message: field(),
              retryAfterMs: undefined,
              signInNeeded: false,
              at: 1,
              errorTree: error,
              ...ids,
            },
            history: [{ at: 1, outcome: "readError", httpStatus: 500, errorCode: field(), ...ids }],
          },
        });
        for (const output of [reportToMarkdown(report), reportToText(report)]) {
          for (const part of secretParts(s)) expect(output).not.toContain(part);
        }
      }),
      { numRuns: 300 },
    );
  });
});
