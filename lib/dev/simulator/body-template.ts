/**
 * Times in scenario bodies, filled in at request time so that demo operations look fresh whenever they are opened.
 * Only a JSON string value that is exactly one of these placeholders is replaced (never text inside a longer string,
 * never a raw string body):
 * - `"{{start}}"`: when the scenario's clock started (creation, or the first answered GET for clock "firstRequest");
 * - `"{{now}}"`: the time of the request;
 * - `"{{end}}"`: when the answering step began to apply (clock start + its afterMs), i.e. the end time of a
 *   terminal step;
 * - `"{{start+Ns}}"`: N whole seconds after the clock start, for child operations that ended earlier.
 * Values are ISO 8601 UTC strings, as Azure sends them.
 */

export interface TemplateTimes {
  start: number;
  now: number;
  end: number;
}

const OFFSET = /^\{\{start\+(\d{1,7})s\}\}$/;

export function fillTemplate(value: unknown, times: TemplateTimes): unknown {
  if (typeof value === "string") return fillString(value, times);
  if (Array.isArray(value)) return value.map((item) => fillTemplate(item, times));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillTemplate(item, times)]));
  }
  return value;
}

function fillString(value: string, times: TemplateTimes): string {
  if (value === "{{start}}") return iso(times.start);
  if (value === "{{now}}") return iso(times.now);
  if (value === "{{end}}") return iso(times.end);
  const offset = OFFSET.exec(value);
  return offset ? iso(times.start + Number(offset[1]) * 1000) : value;
}

const iso = (ms: number) => new Date(ms).toISOString();
