/**
 * A bearer token shaped like an Entra access token (three base64url segments, the first a JSON header with `alg`)
 * but signed by no one: what the proxy's shape check lets through and a simulator without an issuer accepts
 * unverified. The benches' traffic then reaches the simulator as a signed-in dashboard's would.
 */

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function jwtShapedBearer(audience: string, subject = "bench-user"): string {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: "RS256", typ: "JWT", kid: "bench" });
  const payload = base64url({ aud: audience, sub: subject, iat: nowSeconds, exp: nowSeconds + 3600 });
  const signature = Buffer.from("not a signature: nobody verifies it").toString("base64url");
  return `Bearer ${header}.${payload}.${signature}`;
}

