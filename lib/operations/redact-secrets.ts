/**
 * The one sanitizer for text that came from outside (Azure bodies, headers' values, the person's label, error
 * messages) before it is shown in something a person pastes elsewhere: a support report, a read error. It removes what
 * looks like a credential: a JWT (`eyJ….….…`, also cut short to two parts), a `Bearer …` value, the rest of an
 * `Authorization:`, `Cookie:` or `Set-Cookie:` line, and SAS or OAuth query values (`sig=`, `access_token=`, …).
 * Better a redacted sentence than a leaked token: a match takes the rest of its line with it where the value's end
 * cannot be known. Every pattern is linear in the text's length (no overlapping, backtracking starts).
 */

const REDACTED = "[redacted]";

/** Runs of URL-safe characters and dots: a JWT sits inside one, so each run is looked at once. */
const WORD_RUN = /[\w.~+/=-]+/g;
/** One or more "Bearer" (a repeated scheme must not leave the value behind), then the value up to a separator. */
const BEARER = /(?:Bearer(?:\s|%20)+)+[^\s"'<>,;]+/gi;
/** A header-like name (bare, quoted, quoted inside a JSON string, or `name=`), then everything to the end of its line. */
const HEADER_LINE = /(Authorization|Proxy-Authorization|Set-Cookie|Cookie)(?:\\?["'])?\s*[:=][^\r\n]*/gi;
/** Query or form values that carry a credential. */
const QUERY_SECRET = /\b(sig|access_token|id_token|refresh_token|client_secret|code_verifier|password)=[^&\s"'#<>]*/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(HEADER_LINE, (_match, name: string) => `${name}: ${REDACTED}`)
    .replace(BEARER, `Bearer ${REDACTED}`)
    .replace(QUERY_SECRET, (_match, name: string) => `${name}=${REDACTED}`)
    .replace(WORD_RUN, redactJwtInRun);
}

/** From the first `eyJ` that a dot follows to the end of the run: a JWT's header, payload and signature. */
function redactJwtInRun(run: string): string {
  const start = run.indexOf("eyJ");
  if (start < 0 || !run.includes(".", start)) return run;
  return `${run.slice(0, start)}${REDACTED}`;
}

/** JSON keys whose values are credentials whatever they look like. */
const SECRET_KEY = /^(authorization|proxy-authorization|cookie|set-cookie|sig|signature|password|passwd|client_secret)$|token|secret/i;

/**
 * A JSON value (an additionalInfo's `info`) as compact JSON with credentials removed: values under secret-looking keys
 * are replaced, each string is sanitized, and so is the whole text (keys too). Never throws (a cycle or a BigInt gives a note instead).
 */
export function redactedJson(value: unknown): string {
  // Typed as string, but undefined for a value JSON has no text for (undefined, a function).
  let text: string | undefined;
  try {
    text = stringify(value, (key, v: unknown) =>
      key !== "" && SECRET_KEY.test(key) ? REDACTED : typeof v === "string" ? redactSecrets(v) : v,
    );
  } catch {
    return "(this value cannot be shown as JSON)";
  }
  return text === undefined ? "(no value)" : redactSecrets(text);
}

const stringify: (value: unknown, replacer: (key: string, value: unknown) => unknown) => string | undefined = JSON.stringify;
