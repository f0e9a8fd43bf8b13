import { describe, expect, it } from "vitest";
import { MAX_NEXT_LINK_LENGTH, nextLinkOf, nextPageUrl } from "./discovery-next-link";

const ORIGIN = "https://tenant-dc.westeurope.devcenter.azure.com";
const OPERATIONS = new URL(`${ORIGIN}/projects/Project-1/users/me/devboxes/Box-1/operations`);
const PROJECTS = new URL(`${ORIGIN}/projects`);
const route = (query: string) => `http://localhost:3000/api/discovery/x/projects${query}`;

describe("nextLinkOf", () => {
  it("is undefined without a query, and the decoded link with one nextLink", () => {
    expect(nextLinkOf(route(""))).toEqual({ ok: true, value: undefined });
    expect(nextLinkOf(route("?"))).toEqual({ ok: true, value: undefined });
    const link = `${ORIGIN}/projects?api-version=2025-02-01&$skipToken=a%2Bb`;
    expect(nextLinkOf(route(`?nextLink=${encodeURIComponent(link)}`))).toEqual({ ok: true, value: link });
  });

  it.each([
    ["another parameter", "?api-version=2025-02-01", "'api-version' is not accepted"],
    ["a parameter next to nextLink", `?nextLink=x&top=5`, "'top' is not accepted"],
    ["nextLink in another case", "?NextLink=x", "'NextLink' is not accepted"],
    ["nextLink twice", `?nextLink=a&nextLink=b`, "given 2 times"],
  ])("refuses %s", (_name, query, message) => {
    const result = nextLinkOf(route(query));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe("nextPageUrl", () => {
  it("calls the list's own origin and path with Azure's continuation, api-version kept once", () => {
    const page = nextPageUrl(`${ORIGIN}/projects?api-version=2025-02-01&$skipToken=eyJh%3D%3D&$top=50`, PROJECTS);
    expect(page).toEqual({ ok: true, value: new URL(`${ORIGIN}/projects?api-version=2025-02-01&$skipToken=eyJh%3D%3D&$top=50`) });
  });

  it("adds the proxy's api-version when the link has none", () => {
    const page = nextPageUrl(`${ORIGIN}/projects?$skipToken=abc`, PROJECTS);
    expect(page.ok && page.value.href).toBe(`${ORIGIN}/projects?$skipToken=abc&api-version=2025-02-01`);
    const bare = nextPageUrl(`${ORIGIN}/projects`, PROJECTS);
    expect(bare.ok && bare.value.href).toBe(`${ORIGIN}/projects?api-version=2025-02-01`);
  });

  it("compares the path without case but calls the path that was allowed", () => {
    const lowered = `${ORIGIN.toUpperCase().replace("HTTPS", "https")}/projects/project-1/users/me/devboxes/box-1/operations?$skipToken=1`;
    const page = nextPageUrl(lowered, OPERATIONS);
    expect(page.ok && page.value.href).toBe(`${OPERATIONS.href}?$skipToken=1&api-version=2025-02-01`);
  });

  it.each([
    ["empty", "", "is empty"],
    ["over-long", `${ORIGIN}/projects?$skipToken=${"a".repeat(MAX_NEXT_LINK_LENGTH)}`, "longer than"],
    ["relative", "/projects?$skipToken=1", "absolute URL"],
    ["protocol-relative", "//tenant-dc.westeurope.devcenter.azure.com/projects", "absolute URL"],
    ["another scheme", "javascript:alert(1)//tenant-dc.westeurope.devcenter.azure.com/projects", "https URL"],
    ["file scheme", "file:///projects", "https URL"],
    ["plain http for an https endpoint", `http://tenant-dc.westeurope.devcenter.azure.com/projects`, "origin"],
    ["another host", "https://evil.example/projects", "origin"],
    ["the endpoint as a prefix of another host", `${ORIGIN}.evil.example/projects`, "origin"],
    ["user information", "https://evil.example@tenant-dc.westeurope.devcenter.azure.com/projects", "user information"],
    ["user information with the endpoint as user", `https://tenant-dc.westeurope.devcenter.azure.com@evil.example/projects`, "user information"],
    ["the default port written out", "https://tenant-dc.westeurope.devcenter.azure.com:443/projects", "origin"],
    ["another port", "https://tenant-dc.westeurope.devcenter.azure.com:8443/projects", "origin"],
    ["a trailing dot on the host", "https://tenant-dc.westeurope.devcenter.azure.com./projects", "origin"],
    ["another list's path", `${ORIGIN}/users/me/devboxes`, "same list"],
    ["a longer path", `${ORIGIN}/projects/p-1`, "same list"],
    ["a trailing slash", `${ORIGIN}/projects/`, "same list"],
    ["a dot segment the parser resolves", `${ORIGIN}/x/../projects`, "same list"],
    ["an encoded dot segment", `${ORIGIN}/projects/%2e%2e/projects`, "same list"],
    ["a percent-encoded letter", `${ORIGIN}/project%73`, "same list"],
    ["a path parameter", `${ORIGIN}/projects;a=b`, "same list"],
    ["a fragment", `${ORIGIN}/projects?$skipToken=1#x`, "fragment"],
    ["an empty fragment", `${ORIGIN}/projects#`, "fragment"],
    ["a backslash", `${ORIGIN}\\projects`, "backslash"],
    ["a tab the parser would drop", `${ORIGIN}/proj\tects`, "whitespace"],
    ["a newline", `${ORIGIN}/projects?a=1\r\nX: y`, "whitespace"],
    ["a space", `${ORIGIN}/projects?a=1 2`, "whitespace"],
    ["another api-version", `${ORIGIN}/projects?api-version=2023-04-01`, "api-version=2025-02-01"],
    ["api-version twice", `${ORIGIN}/projects?api-version=2025-02-01&api-version=2025-02-01`, "once"],
    ["api-version in another case", `${ORIGIN}/projects?API-VERSION=2025-02-01`, "api-version=2025-02-01"],
  ])("refuses %s", (_name, link, message) => {
    const page = nextPageUrl(link, PROJECTS);
    expect(page.ok).toBe(false);
    if (!page.ok) {
      expect(page.error.parameter).toBe("nextLink");
      expect(page.error.message).toContain(message);
    }
  });

  it("takes an http origin only where the allow-list gave one", () => {
    const loopback = new URL("http://127.0.0.1:4110/projects");
    const page = nextPageUrl("http://127.0.0.1:4110/projects?$skipToken=2", loopback);
    expect(page.ok && page.value.href).toBe("http://127.0.0.1:4110/projects?$skipToken=2&api-version=2025-02-01");
    expect(nextPageUrl("http://127.1:4110/projects", loopback).ok).toBe(false);
    expect(nextPageUrl("https://127.0.0.1:4110/projects", loopback).ok).toBe(false);
  });
});
