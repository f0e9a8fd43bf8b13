/**
 * The small pieces a board link is made of: GUIDs packed to 16 bytes, other values and labels escaped to a few
 * URL-safe characters, and the check that ends every token. All of them use only `[A-Za-z0-9-_.%+]`, so the link
 * keeps its separators (`~` between tokens, `!` between fields) and never contains `=` (MSAL would take a fragment
 * with `=` for a sign-in response).
 */

export const TOKEN_SEPARATOR = "~";
export const FIELD_SEPARATOR = "!";
/** Everything a token may contain besides the separators: anything else is damage (a pasted link can carry anything). */
const TOKEN_CHARS = /^[A-Za-z0-9\-_.%+!]*$/;

const LOWER_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UPPER_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const PACKED_CHARS = 22;
/** Marks a packed GUID written in upper case (the ref keeps the casing the person gave). */
const UPPER_MARK = "U";
/** Marks a value written out rather than packed. */
const LITERAL_MARK = ".";

/** 16 bytes as 22 base64url characters (no padding: the last character carries 2 zero bits). */
function packGuid(guid: string): string {
  const hex = guid.replaceAll("-", "");
  let out = "";
  let bits = 0;
  let value = 0;
  for (let i = 0; i < 32; i += 2) {
    value = (value << 8) | Number.parseInt(hex.slice(i, i + 2), 16);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64.charAt((value >> bits) & 63);
    }
    value &= (1 << bits) - 1;
  }
  return out + B64.charAt((value << (6 - bits)) & 63);
}

function unpackGuid(packed: string): string | undefined {
  if (packed.length !== PACKED_CHARS) return undefined;
  let hex = "";
  let bits = 0;
  let value = 0;
  for (const char of packed) {
    const digit = B64.indexOf(char);
    if (digit < 0) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((value >> bits) & 255).toString(16).padStart(2, "0");
      value &= (1 << bits) - 1;
    }
  }
  // Two leftover bits must be zero, so each GUID has exactly one packed form.
  if (value !== 0) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Label or value text in the token alphabet: percent-encoding, a space as `+`, and the separators escaped. */
export function escapeText(text: string): string {
  return encodeURIComponent(text)
    .replaceAll("%20", "+")
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The text, or undefined when the escaping is broken (a damaged `%`, a lone surrogate). */
export function unescapeText(escaped: string): string | undefined {
  try {
    return decodeURIComponent(escaped.replaceAll("+", "%20"));
  } catch {
    return undefined;
  }
}

/** A subscription or operation id: packed when it is a GUID in one case, else written out. */
export function encodeId(value: string): string {
  if (LOWER_GUID.test(value)) return packGuid(value);
  if (UPPER_GUID.test(value)) return UPPER_MARK + packGuid(value.toLowerCase());
  return LITERAL_MARK + escapeText(value);
}

export function decodeId(field: string): string | undefined {
  if (field.startsWith(LITERAL_MARK)) return unescapeText(field.slice(1));
  if (field.startsWith(UPPER_MARK) && field.length === PACKED_CHARS + 1) return unpackGuid(field.slice(1))?.toUpperCase();
  return unpackGuid(field);
}

/** Table indexes and the count, in base 36. */
export const encodeNumber = (n: number): string => n.toString(36);

export function decodeNumber(field: string | undefined): number | undefined {
  if (field === undefined || !/^[0-9a-z]{1,4}$/.test(field)) return undefined;
  const n = Number.parseInt(field, 36);
  // One spelling per number ("01" is damage, not 1).
  return encodeNumber(n) === field ? n : undefined;
}

/**
 * A polynomial hash modulo the largest prime below 36^3, written as 3 base-36 characters. Over the token alphabet
 * (code points below 128, fewer than the prime) any single changed character changes the hash, so it is always
 * caught; other damage passes by chance about once in 46,649.
 */
const CHECK_PRIME = 46_649;
const CHECK_BASE = 257;
const CHECK_CHARS = 3;

function checkOf(body: string): string {
  let hash = 7;
  for (let i = 0; i < body.length; i++) hash = (hash * CHECK_BASE + body.charCodeAt(i)) % CHECK_PRIME;
  return hash.toString(36).padStart(CHECK_CHARS, "0");
}

export const sealToken = (body: string): string => body + checkOf(body);

/** The token's body when its characters and check are right; undefined for any damage. */
export function openToken(token: string): string | undefined {
  if (token.length <= CHECK_CHARS || !TOKEN_CHARS.test(token)) return undefined;
  const body = token.slice(0, -CHECK_CHARS);
  return checkOf(body) === token.slice(-CHECK_CHARS) ? body : undefined;
}
