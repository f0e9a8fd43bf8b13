import { describe, expect, it } from "vitest";
import { nextSort, parseTableQuery, tableQueryString, TABLE_THRESHOLD, viewFor, type TableQuery } from "./table-query";

const parse = (search: string) => parseTableQuery(new URLSearchParams(search));
const empty: TableQuery = { view: undefined, sort: undefined, status: [], kind: [], q: "" };

describe("parseTableQuery", () => {
  it("reads every parameter the table writes", () => {
    expect(parse("?view=table&sort=started&dir=asc&status=failed,running&kind=devops&q=rollout%20x")).toEqual({
      view: "table",
      sort: { column: "started", dir: "asc" },
      status: ["running", "failed"],
      kind: ["devops"],
      q: "rollout x",
    });
  });

  it("reads nothing into an empty query", () => {
    expect(parse("")).toEqual(empty);
  });

  it("drops wrong or unknown values one by one, keeping the rest", () => {
    expect(parse("?view=grid&sort=colour&dir=up&status=failed,exploded,,FAILED&kind=arm,devcenter")).toEqual({
      ...empty,
      status: ["failed"],
      kind: ["devcenter"],
    });
  });

  it("takes a column's natural direction when dir is missing or wrong", () => {
    expect(parse("?sort=name").sort).toEqual({ column: "name", dir: "asc" });
    expect(parse("?sort=lastRead&dir=sideways").sort).toEqual({ column: "lastRead", dir: "desc" });
  });

  it("keeps a repeated or hostile value harmless", () => {
    const long = "x".repeat(5000);
    expect(parse(`?q=${long}`).q).toHaveLength(200);
    expect(parse("?status=running,running&sort=__proto__&view=constructor")).toEqual({ ...empty, status: ["running"] });
  });
});

describe("tableQueryString", () => {
  it("writes only what differs from the defaults, and keeps parameters it does not own", () => {
    const current = new URLSearchParams("other=1&sort=name");
    expect(tableQueryString(current, { ...empty, status: ["failed", "running"], q: "a b" })).toBe("?other=1&status=failed%2Crunning&q=a+b");
    expect(tableQueryString(new URLSearchParams(), empty)).toBe("");
  });

  it("round-trips through parseTableQuery", () => {
    const query: TableQuery = { view: "cards", sort: { column: "progress", dir: "asc" }, status: ["attention"], kind: ["devcenter"], q: "proj" };
    expect(parse(tableQueryString(new URLSearchParams(), query))).toEqual(query);
  });
});

describe("viewFor", () => {
  it("shows cards up to the threshold and the table beyond, unless the URL chose", () => {
    expect(viewFor(empty, TABLE_THRESHOLD)).toBe("cards");
    expect(viewFor(empty, TABLE_THRESHOLD + 1)).toBe("table");
    expect(viewFor({ view: "cards" }, 500)).toBe("cards");
    expect(viewFor({ view: "table" }, 2)).toBe("table");
  });

  it("keeps the table once it was the default on the page, until the URL chooses", () => {
    expect(viewFor(empty, TABLE_THRESHOLD, true)).toBe("table");
    expect(viewFor({ view: "cards" }, TABLE_THRESHOLD, true)).toBe("cards");
  });
});

describe("nextSort", () => {
  it("goes natural direction, other direction, then back to the default order", () => {
    const first = nextSort(undefined, "started");
    expect(first).toEqual({ column: "started", dir: "desc" });
    const second = nextSort(first, "started");
    expect(second).toEqual({ column: "started", dir: "asc" });
    expect(nextSort(second, "started")).toBeUndefined();
    expect(nextSort(second, "name")).toEqual({ column: "name", dir: "asc" });
  });
});
