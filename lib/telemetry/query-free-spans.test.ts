import { describe, expect, it } from "vitest";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { dropQueries } from "./query-free-spans";

const spanWith = (attributes: Record<string, unknown>) => ({ attributes }) as unknown as ReadableSpan;

describe("dropQueries", () => {
  it("cuts the query and fragment off Next's request path and any URL attribute, and drops url.query", () => {
    const span = spanWith({
      "http.target": "/api/discovery/h/projects?nextLink=https%3A%2F%2Fh%2Fprojects%3F%24skipToken%3Dsecret",
      "http.url": "http://localhost/api/x?a=1#frag",
      "url.full": "https://h.example/p?sig=secret",
      "url.query": "sig=secret",
      "http.method": "GET",
    });
    dropQueries(span);
    expect(span.attributes).toEqual({
      "http.target": "/api/discovery/h/projects",
      "http.url": "http://localhost/api/x",
      "url.full": "https://h.example/p",
      "http.method": "GET",
    });
  });

  it("leaves a path without a query as it is", () => {
    const span = spanWith({ "http.target": "/api/health" });
    dropQueries(span);
    expect(span.attributes).toEqual({ "http.target": "/api/health" });
  });
});
