import fc from "fast-check";
import { discoveryUpstreamPath, type DiscoveryListRequest } from "@/lib/azure/discovery-lists";

/**
 * Hostile requests to /api for `npm run fuzz:proxy`: the status and discovery routes (with nextLinks that point
 * elsewhere) and other /api paths with segments an attacker
 * would try (unicode raw and encoded, valid and broken %-encodings, dot segments, doubled slashes, backslashes,
 * very long ones, hosts that name another machine or loopback in disguise), any method, and hostile Authorization,
 * Host, X-Forwarded-* and Next-internal headers. Mostly near-valid requests with one or two hostile parts, so that
 * most of them get past the first check and reach the next one.
 */

export interface FuzzRequest {
  method: string;
  /** The request-target as it goes on the wire, one byte per character (latin1): raw UTF-8 shows as its bytes. */
  target: string;
  headers: Record<string, string | string[]>;
  body: string | undefined;
}

export interface FuzzContext {
  /** host:port of the app and of the simulator, e.g. "127.0.0.1:41234". */
  appHost: string;
  simulatorHost: string;
  /** Paths of operations the simulator has: the valid requests, answered 200. */
  seededPaths: readonly string[];
  /** A JWT-shaped bearer the simulator accepts. */
  authorization: string;
}

const b64 = (text: string) => Buffer.from(text).toString("base64url");

/** A header value's bytes, one latin1 character each: raw UTF-8 on the wire, as Node sends header values. */
export const latin1 = (text: string): string =>
  [...Buffer.from(text, "utf8")].flatMap((byte) => (byte < 0x20 || byte === 0x7f ? [] : [String.fromCharCode(byte)])).join("");

/** Bytes 0x21-0xFF go raw (one latin1 character each); anything else is percent-encoded, as Node sends no other. */
export function toWire(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) out += byte > 0x20 && byte !== 0x7f ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, "0").toUpperCase()}`;
  return out;
}

const unicode = fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 });

// Raw non-ASCII bytes in a path are refused by Node's HTTP parser before Next sees them: a few, not many.
const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: unicode.map(toWire), weight: 1 },
  { arbitrary: unicode.map(encodeURIComponent), weight: 3 },
  { arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 12 }).map(encodeURIComponent), weight: 3 },
  { arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }).map(toWire), weight: 3 },
  { arbitrary: fc.constantFrom("%", "%G1", "%E2%82", "%ZZ", "%C0%AF", "%ff", "%2", "%%", "%u002e", "%00", "%0a", "%0d%0a", "%ed%a0%80", "%F0%9F%98"), weight: 3 },
  { arbitrary: fc.constantFrom("..", ".", "%2e%2e", "%2E.", ".%2e", "..%2f..", "..\\..", "%2e%2e%5c", "...", "..;", ".%00."), weight: 3 },
  { arbitrary: fc.constantFrom("", "\\", "/", "%2f", "%5c", "//", "\\\\", ";", ";a=b", ":", "@", "~", "*", "%20", "+", "'", '"', "<script>", "${x}"), weight: 3 },
  { arbitrary: fc.integer({ min: 200, max: 9_000 }).chain((n) => fc.constantFrom("a", "%41", "é", "../").map((s) => toWire(s.repeat(Math.ceil(n / s.length))))), weight: 1 },
);

const guid = fc.uuid().map((id) => id.toUpperCase());
const validLikeSegment = fc.oneof(guid, fc.stringMatching(/^[-\w.()]{1,40}$/), fc.constantFrom("rg", "conn", "default", "operationResults"));
const segment = fc.oneof({ arbitrary: validLikeSegment, weight: 3 }, { arbitrary: hostileSegment, weight: 2 });

const port = fc.oneof(fc.constantFrom("", ":0", ":22", ":80", ":443", ":65535", ":99999", ":-1", ":0x50", ":%2080"), fc.nat(65_535).map((n) => `:${n}`));

function hostSegment(context: FuzzContext): fc.Arbitrary<string> {
  const sim = context.simulatorHost;
  const simPort = sim.split(":")[1] ?? "";
  const named = fc.constantFrom(
    sim,
    sim.toUpperCase(),
    "evil.com",
    "evil.com:443",
    "127.0.0.1.nip.io",
    `127.0.0.1.nip.io:${simPort}`,
    "localhost@evil.com",
    `localhost%40evil.com:${simPort}`,
    `user:pw@${sim}`,
    `evil.com@${sim}`,
    `${sim}@evil.com`,
    `127.1:${simPort}`,
    `0x7f.0.0.1:${simPort}`,
    `0x7f000001:${simPort}`,
    `2130706433:${simPort}`,
    `0177.0.0.1:${simPort}`,
    `[::1]:${simPort}`,
    `[::ffff:127.0.0.1]:${simPort}`,
    `%5B::1%5D:${simPort}`,
    `localhost:${simPort}`,
    "localhost",
    context.appHost,
    "127.0.0.1:22",
    `${sim}.evil.com`,
    `${sim}%2f.evil.com`,
    `${sim}%23.evil.com`,
    `${sim}%3f.evil.com`,
    `127.0.0.1%3a${simPort}`,
    `127.0.0.1.:${simPort}`,
    `127.0.0.1%00.evil.com:${simPort}`,
    "169.254.169.254",
    "metadata.google.internal",
    "tenant-dc.westeurope.devcenter.azure.com",
    "tenant-dc.westeurope.devcenter.azure.com.evil.com",
    "evil.com%2f.devcenter.azure.com",
    "evil.com%23.devcenter.azure.com",
    "evil.com\\.devcenter.azure.com",
    "http:%2f%2fevil.com",
    toWire("127。0。0。1"),
    toWire("ⓔⓥⓘⓛ.com"),
    "xn--e1afmkfd.xn--p1ai",
  );
  const generated = fc.oneof(
    fc.domain(),
    fc.ipV4Extended(),
    fc.ipV4(),
    fc.ipV6().map((v6) => `[${v6}]`),
  );
  return fc.oneof({ arbitrary: named, weight: 3 }, { arbitrary: fc.tuple(generated, port).map(([h, p]) => h + p), weight: 2 }, { arbitrary: hostileSegment, weight: 1 });
}

const project = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-_.]{2,20}$/), hostileSegment);

/** A nextLink for `list`: Azure's own (valid), or one that leads elsewhere or is written to slip past a check. */
function nextLink(context: FuzzContext, list: DiscoveryListRequest): fc.Arbitrary<string> {
  const sim = context.simulatorHost;
  const simPort = sim.split(":")[1] ?? "";
  const path = discoveryUpstreamPath(list);
  const origin = `http://${sim}`;
  return fc.oneof(
    { arbitrary: fc.constantFrom(`${origin}${path}?api-version=2025-02-01&$skipToken=eyJwIjoyfQ%3D%3D`, `${origin}${path.toLowerCase()}?$skipToken=2`, `${origin}${path}`), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        `https://evil.com${path}`,
        `http://169.254.169.254${path}`,
        `https://${sim}${path}`,
        `${origin}.evil.com${path}`,
        `http://evil.com@${sim}${path}`,
        `${origin}@evil.com${path}`,
        `http://user:pw@${sim}${path}`,
        `http://127.1:${simPort}${path}`,
        `http://0x7f.0.0.1:${simPort}${path}`,
        `http://[::1]:${simPort}${path}`,
        `http://localhost:${simPort}${path}`,
        `${origin}/users/me/devboxes`,
        `${origin}/projects/p-1/operationstatuses/00000000-0000-0000-0000-000000000000`,
        `${origin}${path}/`,
        `${origin}${path}/../../projects`,
        `${origin}/x/%2e%2e${path}`,
        `${origin}${path}?a=1#frag`,
        `${origin}\\evil.com${path}`,
        `${origin}${path}?a=1\r\nX-Injected: 1`,
        `${origin}${path}?api-version=2019-01-01`,
        `${origin}${path}?api-version=2025-02-01&api-version=2025-02-01`,
        `//${sim}${path}`,
        path,
        "javascript:alert(1)",
        "file:///etc/passwd",
        "",
      ),
      weight: 3,
    },
    { arbitrary: hostileSegment.map((tail) => `${origin}${path}?$skipToken=${tail}`), weight: 1 },
    { arbitrary: fc.integer({ min: 3_000, max: 6_000 }).map((n) => `${origin}${path}?$skipToken=${"a".repeat(n)}`), weight: 1 },
  );
}

/** A discovery list's path (no query, or a nextLink query written one way or another). */
function discoveryPath(context: FuzzContext): fc.Arbitrary<string> {
  const list: fc.Arbitrary<DiscoveryListRequest> = fc.oneof(
    fc.constantFrom<DiscoveryListRequest>(
      { list: "projects", endpointHost: context.simulatorHost },
      { list: "devboxes", endpointHost: context.simulatorHost },
      { list: "operations", endpointHost: context.simulatorHost, projectName: "fuzz-project", devBoxName: "fuzz-box" },
    ),
    fc.tuple(hostSegment(context), fc.constantFrom("projects" as const, "devboxes" as const)).map(([endpointHost, name]) => ({ list: name, endpointHost })),
    fc.tuple(hostSegment(context), project, project).map(([endpointHost, projectName, devBoxName]) => ({ list: "operations" as const, endpointHost, projectName, devBoxName })),
  );
  return list.chain((request) => {
    // The segments as generated: hostile ones are already written for the wire.
    const base = `/api/discovery/${request.endpointHost}`;
    const path = request.list === "operations" ? `${base}/projects/${request.projectName}/devboxes/${request.devBoxName}/operations` : `${base}/${request.list}`;
    const link = nextLink(context, request);
    return fc.oneof(
      { arbitrary: fc.constant(path), weight: 2 },
      { arbitrary: link.map((l) => `${path}?nextLink=${encodeURIComponent(l)}`), weight: 4 },
      { arbitrary: link.map((l) => `${path}?nextLink=${toWire(l)}`), weight: 1 },
      { arbitrary: fc.tuple(link, link).map(([a, b]) => `${path}?nextLink=${encodeURIComponent(a)}&nextLink=${encodeURIComponent(b)}`), weight: 1 },
      { arbitrary: link.map((l) => `${path}?nextLink=${encodeURIComponent(l)}&api-version=2025-02-01`), weight: 1 },
    );
  });
}

function routePath(context: FuzzContext): fc.Arbitrary<string> {
  const join = (parts: string[]) => `/${parts.join("/")}`;
  const devops = fc.tuple(segment, segment, segment, segment).map((s) => join(["api", "devops", ...s]));
  const devcenter = fc.tuple(hostSegment(context), project, fc.oneof(guid, hostileSegment)).map((s) => join(["api", "devcenter", ...s]));
  const health = fc.constantFrom("", "/", "/x", "%2f..", ";", "/..", "%00", "/%2e%2e/devops").map((suffix) => `/api/health${suffix}`);
  const other = fc.tuple(fc.constantFrom("api", "api", "api", "api%2f", "api;"), fc.array(segment, { maxLength: 5 })).map(([api, rest]) => join([api, ...rest]));
  const seeded = fc.constantFrom(...context.seededPaths);
  const traversal = fc
    .tuple(
      fc.constantFrom("/api/devops/../../", "/api/%2e%2e/", "/api/..%2f", "/api\\..\\", "/api/./", "/api/devcenter/../"),
      fc.constantFrom("op/", "api/", "_next/", ""),
      seeded,
    )
    .map(([prefix, into, path]) => prefix + path.replace(/^\/(api|op)\//, into));
  return fc.oneof(
    { arbitrary: seeded, weight: 4 },
    { arbitrary: devops, weight: 4 },
    { arbitrary: devcenter, weight: 4 },
    { arbitrary: discoveryPath(context), weight: 4 },
    { arbitrary: health, weight: 1 },
    { arbitrary: other, weight: 2 },
    { arbitrary: traversal, weight: 1 },
  );
}

/** One change at one place of a path: a doubled or back slash, a dot segment, a trailing slash, a case change, a host. */
const pathMutation: fc.Arbitrary<(path: string) => string> = fc.oneof(
  { arbitrary: fc.constant((p: string) => p), weight: 5 },
  fc.tuple(fc.nat(), fc.constantFrom("//", "\\", "/./", "/%2f", "/%2F/", "\\\\", "/../", "///")).map(([at, sep]) => (p: string) => {
    const slashes = [...p.matchAll(/\//g)].map((m) => m.index);
    const i = slashes.length === 0 ? 0 : (slashes[at % slashes.length] ?? 0);
    return p.slice(0, i) + sep + p.slice(i + 1);
  }),
  { arbitrary: fc.constantFrom("/", "/.", "/..", "%2f", "\\", ";", "%00", "#frag", "/#").map((suffix) => (p: string) => p + suffix), weight: 1 },
  { arbitrary: fc.constant((p: string) => p.replace(/^\/api\/(\w+)/, (_, kind: string) => `/api/${kind.toUpperCase()}`)), weight: 1 },
  { arbitrary: fc.constant((p: string) => `/${p}`), weight: 1 },
  // Another host before the path: what a normalising redirect must not turn into a protocol-relative Location.
  { arbitrary: fc.constantFrom("//evil.com", "/\\evil.com", "/%5Cevil.com", "//evil.com/..", "///evil.com").map((host) => (p: string) => host + p), weight: 1 },
);

const query = fc.oneof(
  fc.constantFrom("api-version=2024-04-01", "api-version=evil", "x=%", "x=%zz", "_rsc=1", "__nextDataReq=1", "url=http://evil.com", "a=1&a=2", "%00", "__proto__=1"),
  fc.webQueryParameters(),
  fc.integer({ min: 100, max: 6_000 }).map((n) => `q=${"x".repeat(n)}`),
);

function authorization(context: FuzzContext): fc.Arbitrary<string | string[] | undefined> {
  const jwtWith = (header: string) => `Bearer ${b64(header)}.${b64('{"aud":"https://management.azure.com"}')}.c2ln`;
  return fc.oneof(
    { arbitrary: fc.constant(context.authorization), weight: 6 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "Bearer x",
        "Bearer a.b.c",
        "Bearer a.b.c.d",
        "Bearer ..",
        "Bearer ",
        "",
        "Basic dXNlcjpwYXNz",
        context.authorization.replace("Bearer", "bearer"),
        context.authorization.replace("Bearer ", "Bearer   "),
        `${context.authorization}.extra`,
        `${context.authorization}=`,
        jwtWith("not json"),
        jwtWith('{"typ":"JWT"}'),
        jwtWith('{"alg":"none"}'),
        jwtWith('{"alg":5}'),
        jwtWith("[]"),
        latin1("Bearer é.é.é"),
        `Bearer ${"a".repeat(20_000)}.b.c`,
        `Bearer ${b64('{"alg":"RS256"}')}.${"e".repeat(14_000)}.c`,
      ),
      weight: 3,
    },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }).map((s) => latin1(`Bearer ${s}`)), weight: 1 },
    { arbitrary: fc.constant<string[]>([context.authorization, "Bearer x"]), weight: 1 },
  );
}

function hostHeader(context: FuzzContext): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constant(context.appHost), weight: 6 },
    {
      arbitrary: fc.constantFrom(
        "evil.com",
        "evil.com:80",
        context.simulatorHost,
        "localhost@evil.com",
        `${context.appHost}@evil.com`,
        "127.0.0.1.nip.io",
        "[::1]",
        "0x7f.1",
        "localhost:99999",
        "a".repeat(300),
        latin1("évil.com"),
        "evil.com/path",
        "evil.com#",
      ),
      weight: 3,
    },
  );
}

const forwardedFor = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.constantFrom("garbage", "1.2.3.4, 5.6.7.8", ", 1.2.3.4", "unknown", "::ffff:1.2.3.4", "[::1]:80", "999.1.1.1", "1.2.3.4:99999", "1.2.3.4".repeat(30), "_hidden"),
);

const extraHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(fc.constant("x-forwarded-for"), forwardedFor),
  fc.tuple(fc.constant("x-forwarded-host"), fc.constantFrom("evil.com", "evil.com:443", "127.0.0.1.nip.io", "localhost@evil.com", "")),
  fc.tuple(fc.constant("x-forwarded-proto"), fc.constantFrom("https", "http", "javascript", "https, http", "ftp", "")),
  fc.tuple(fc.constant("x-forwarded-port"), fc.constantFrom("443", "99999", "abc")),
  fc.tuple(fc.constant("forwarded"), fc.constantFrom("for=1.2.3.4;host=evil.com;proto=https", "host=evil.com")),
  fc.tuple(fc.constant("x-middleware-subrequest"), fc.constantFrom("middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy", "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy")),
  fc.tuple(fc.constantFrom("x-nextjs-data", "rsc", "next-router-prefetch", "next-action", "x-middleware-prefetch", "next-router-state-tree"), fc.constantFrom("1", "abc", "%")),
  fc.tuple(fc.constantFrom("x-invoke-path", "x-matched-path", "x-now-route-matches", "x-invoke-query"), fc.constantFrom("/api/health", "/op/devops/a/b/c/d", "%7B%7D")),
  fc.tuple(fc.constant("x-opwatch-socket-address"), fc.constantFrom("203.0.113.9", "garbage")),
  fc.tuple(fc.constantFrom("cookie", "origin", "referer", "content-type", "accept", "x-ms-client-request-id"), fc.constantFrom("a=b", "https://evil.com", "null", "text/plain", "*/*", latin1("ünïcode"))),
);

const method = fc.oneof(
  { arbitrary: fc.constant("GET"), weight: 12 },
  { arbitrary: fc.constantFrom("HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "SEARCH", "QUERY"), weight: 4 },
);

export function fuzzRequest(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      method,
      path: routePath(context),
      mutation: pathMutation,
      query: fc.option(query, { freq: 4 }),
      authorization: authorization(context),
      host: hostHeader(context),
      extra: fc.array(extraHeader, { maxLength: 3 }),
      body: fc.option(fc.constantFrom('{"a":1}', "a=b", "x".repeat(3_000)), { freq: 2 }),
    })
    .map(({ method: m, path, mutation, query: q, authorization: auth, host, extra, body }) => {
      const headers: Record<string, string | string[]> = { host, accept: "application/json" };
      if (auth !== undefined) headers.authorization = auth;
      for (const [name, value] of extra) headers[name] = value;
      const target = mutation(path) + (q === null ? "" : `?${q}`);
      const sendsBody = body !== null && !["GET", "HEAD", "get"].includes(m);
      return { method: m, target: target.startsWith("/") ? target : `/${target}`, headers, body: sendsBody ? body : undefined };
    });
}
