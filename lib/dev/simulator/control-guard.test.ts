import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { isControlPath, refuseControlRequest } from "./control-guard";

const JSON_TYPE = { "content-type": "application/json" };
const check = (method: string, headers: IncomingHttpHeaders) => refuseControlRequest({ method, headers });
const code = (method: string, headers: IncomingHttpHeaders) => {
  const refusal = check(method, headers);
  return refusal && { status: refusal.status, code: (JSON.parse(refusal.body ?? "") as { error: { code: string } }).error.code };
};

describe("refuseControlRequest", () => {
  it.each(["localhost", "LOCALHOST:4010", "127.0.0.1", "127.0.0.1:1", "127.5.0.2:65535", "[::1]", "[::1]:4110"])("lets Host %s through", (host) => {
    expect(check("GET", { host })).toBeUndefined();
    expect(check("POST", { host, ...JSON_TYPE })).toBeUndefined();
  });

  it.each([
    undefined,
    "",
    "evil.example",
    "evil.example:4010",
    "localhost.evil.example",
    "evil.localhost",
    "localhost.",
    "127.0.0.1.nip.io",
    "128.0.0.1",
    "127.0.0.256",
    "0.0.0.0:4010",
    "[::]:4010",
    "[::ffff:127.0.0.1]",
    "user@localhost",
    "localhost:",
    "localhost:4010/x",
    "10.0.0.5:4010",
  ])("refuses Host %s with 403 HostNotAllowed, for GET too", (host) => {
    const headers: IncomingHttpHeaders = host === undefined ? {} : { host };
    expect(code("GET", headers)).toEqual({ status: 403, code: "HostNotAllowed" });
    expect(code("POST", { ...headers, ...JSON_TYPE })).toEqual({ status: 403, code: "HostNotAllowed" });
  });

  it.each(["http://localhost:3000", "http://127.0.0.1:4010", "https://[::1]:8443", "http://LOCALHOST"])("lets a loopback Origin %s through", (origin) => {
    expect(check("POST", { host: "127.0.0.1:4010", origin, ...JSON_TYPE })).toBeUndefined();
  });

  it.each([
    "https://evil.example",
    "http://localhost.evil.example",
    "null",
    "",
    "file://",
    "http://localhost:3000/path",
    "ftp://localhost",
    "http://evil.example@localhost",
    "http://10.0.0.5:3000",
  ])("refuses Origin %s with 403 OriginNotAllowed, for GET too", (origin) => {
    expect(code("GET", { host: "localhost:4010", origin })).toEqual({ status: 403, code: "OriginNotAllowed" });
    expect(code("POST", { host: "localhost:4010", origin, ...JSON_TYPE })).toEqual({ status: 403, code: "OriginNotAllowed" });
  });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8", " application/json "])(
    "takes Content-Type %s on every state-changing method",
    (contentType) => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        expect(check(method, { host: "localhost", "content-type": contentType })).toBeUndefined();
      }
    },
  );

  it.each([
    undefined,
    "",
    "text/plain",
    "text/plain;charset=UTF-8",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
    "application/json-patch+json",
    "application/merge-patch+json",
    "text/json",
    "application/json x",
  ])("refuses Content-Type %s with 415 UnsupportedMediaType on POST, PUT, PATCH, DELETE and other methods", (contentType) => {
    const headers: IncomingHttpHeaders = contentType === undefined ? { host: "localhost" } : { host: "localhost", "content-type": contentType };
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
      expect(code(method, headers), method).toEqual({ status: 415, code: "UnsupportedMediaType" });
    }
  });

  it("needs no Content-Type on GET, HEAD or OPTIONS", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(check(method, { host: "localhost", "content-type": "text/plain" })).toBeUndefined();
  });

  it("answers JSON in Azure's error shape, not cached, not sniffed, with the offending value clipped to one line", () => {
    const refusal = check("GET", { host: `evil.example\u0007${"x".repeat(500)}` });
    expect(refusal?.headers).toMatchObject({ "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" });
    const body = JSON.parse(refusal?.body ?? "") as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(["error"]);
    expect(Object.keys(body.error)).toEqual(["code", "message"]);
    expect(body.error.message).toContain("'evil.example?xxx");
    expect(body.error.message.length).toBeLessThan(300);
  });
});

describe("isControlPath", () => {
  it("covers every /_sim path, known or not, and nothing else", () => {
    for (const path of ["/_sim", "/_sim/", "/_sim/operations", "/_SIM/other/x"]) expect(isControlPath(path), path).toBe(true);
    for (const path of ["/", "/_simx", "/x/_sim/operations", "/subscriptions/_sim"]) expect(isControlPath(path), path).toBe(false);
  });
});
