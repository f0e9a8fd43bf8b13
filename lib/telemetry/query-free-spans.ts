import "server-only";
import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-node";

/**
 * Next's own request span records the request's path with its query (`http.target`). A discovery page's query holds
 * Azure's nextLink with its signed parameters: no span leaves the process with a query string in it.
 */

const URL_ATTRIBUTES = ["http.target", "http.url", "url.full"] as const;
const DROPPED_ATTRIBUTES = ["url.query"] as const;

const withoutQuery = (value: string) => value.split(/[?#]/, 1)[0] ?? "";

export function dropQueries(span: ReadableSpan): void {
  // A finished span's attributes are a plain object the SDK hands to its processors before any export.
  const attributes = span.attributes as Record<string, unknown>;
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value === "string") attributes[name] = withoutQuery(value);
  }
  for (const name of DROPPED_ATTRIBUTES) Reflect.deleteProperty(attributes, name);
}

/** Passes every span to `next` once its URLs have lost their query. */
export class QueryFreeSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    dropQueries(span);
    this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
