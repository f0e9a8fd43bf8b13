import { describe, expect, it } from "vitest";
import type { OperationRef } from "@/lib/azure/operation-ref";
import { seededRandom } from "@/lib/polling/seeded-random";
import { decodeBoard, encodeBoard, type BoardItem } from "./board-codec";
import { sealToken } from "./board-fields";
import { sampleBoard } from "./sample-boards";

const devops = (operationResultId: string, subscriptionId = "0b5c4c2e-8f0a-4d8e-9a53-6c2f1e0d9b7a"): OperationRef => ({
  kind: "devops",
  subscriptionId,
  resourceGroupName: "rg-payments(prod)",
  securityConnectorName: "github-contoso",
  operationResultId,
});
const devcenter: OperationRef = {
  kind: "devcenter",
  endpointHost: "8a40af38-3b4c-4672-a6a4-5e964b1870ed-contoso-dc.westus3.devcenter.azure.com",
  projectName: "proj-a",
  operationId: "fa067167-e49d-41bd-8dd8-de719b9de3b3",
};
const A = "11111111-2222-4333-8444-555555555555";
const B = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

const board: BoardItem[] = [
  { ref: devops(A), label: "nightly eu-west ~ 100% (done!) = ok & more" },
  { ref: devops("RESULT.with_chars-1") },
  { ref: devops(B.toUpperCase(), "SUB-NOT-A-GUID"), label: "Prüfung 🚀" },
  { ref: devcenter, label: "dev box" },
];

describe("encodeBoard / decodeBoard", () => {
  it("round-trips refs (their casing too) and labels, with no = in the link (MSAL would read it as a sign-in answer)", () => {
    const fragment = encodeBoard(board);
    expect(fragment).not.toMatch(/[=&#\s]/);
    expect(decodeBoard(fragment)).toEqual({ items: board, problems: [], expected: 4 });
    expect(decodeBoard(`#${fragment}`).items).toEqual(board);
  });

  it("declares a shared subscription and scope once", () => {
    const fragment = encodeBoard([{ ref: devops(A) }, { ref: devops(B) }]);
    expect(fragment.match(/~R/g)).toHaveLength(1);
    expect(fragment.match(/~S/g)).toHaveLength(1);
  });

  it("keeps the first of duplicate operations, and trims or drops labels", () => {
    const items = decodeBoard(encodeBoard([{ ref: devops(A), label: "  first  " }, { ref: devops(A.toUpperCase()), label: "again" }, { ref: devops(B), label: "   " }])).items;
    expect(items).toEqual([{ ref: devops(A), label: "first" }, { ref: devops(B) }]);
  });

  it("holds at least 100 operations of a rollout, with labels, in 8 KB", () => {
    const items = sampleBoard(seededRandom(11), 100, "oneRollout", true);
    const fragment = encodeBoard(items);
    expect(fragment.length).toBeLessThanOrEqual(8192);
    expect(decodeBoard(fragment).items).toEqual(items);
  });

  it("says a link cut off between two operations lost the rest, naming the last one read", () => {
    const items = sampleBoard(seededRandom(3), 10, "oneRollout", true);
    const fragment = encodeBoard(items);
    const cut = fragment.split("~").slice(0, -3).join("~");
    const decoded = decodeBoard(cut);
    expect(decoded.items).toEqual(items.slice(0, 7));
    expect(decoded.problems).toEqual([
      `3 of 10 operations could not be read from this link: it was cut off after operation 7 (“${items[6]?.label ?? ""}”).`,
    ]);
  });

  it("says where a link is damaged, and reads every operation around the damage", () => {
    const fragment = encodeBoard([{ ref: devops(A) }, { ref: devops(B), label: "second" }, { ref: devcenter }]);
    const tokens = fragment.split("~");
    // The second entry's token: header, root, scope, entry 1, entry 2 ...
    tokens[4] = `${tokens[4]?.slice(0, 5) ?? ""}X${tokens[4]?.slice(6) ?? ""}`;
    const decoded = decodeBoard(tokens.join("~"));
    expect(decoded.items.map((item) => item.ref)).toEqual([devops(A), devcenter]);
    expect(decoded.problems).toEqual([
      `1 of 3 operations could not be read from this link: it is damaged after operation 1 (${A}) (a character was changed or lost). Every other operation was read.`,
    ]);
  });

  it("loses only the operations of a damaged scope", () => {
    const fragment = encodeBoard([{ ref: devcenter }, { ref: devops(A) }, { ref: devops(B) }]);
    const tokens = fragment.split("~");
    tokens[5] = tokens[5]?.replace("S", "T") ?? ""; // header, E, S, entry, R, S(devops)
    const decoded = decodeBoard(tokens.join("~"));
    expect(decoded.items).toEqual([{ ref: devcenter }]);
    expect(decoded.problems[0]).toMatch(/^2 of 3 operations could not be read from this link: it is damaged after operation 1 /);
  });

  it("reads the operations of a link whose start is damaged, and says it cannot tell what is missing", () => {
    const fragment = encodeBoard([{ ref: devops(A) }]);
    const decoded = decodeBoard(fragment.replace("ob1!1", "ob1!2"));
    expect(decoded.items).toEqual([{ ref: devops(A) }]);
    expect(decoded.expected).toBeUndefined();
    expect(decoded.problems).toEqual([
      "The start of this link is damaged, so opwatch cannot tell how many operations it held; 1 operation could be read.",
    ]);
  });

  it("names an empty fragment, another app's fragment, a newer format and an absurd length", () => {
    expect(decodeBoard("").problems).toEqual(["This link carries no board: the part after # is empty."]);
    expect(decodeBoard("#").items).toEqual([]);
    expect(decodeBoard("access_token=abc&state=x").problems).toEqual([
      'This link does not carry an opwatch board (a board link\'s part after # starts with "ob1").',
    ]);
    const v2 = encodeBoard([{ ref: devops(A) }]).split("~");
    const header2 = decodeBoard([sealToken("ob2!1"), ...v2.slice(1)].join("~"));
    expect(header2.problems).toEqual(["This board link has format 2; this opwatch reads format 1. Open it with a newer opwatch."]);
    expect(header2.items).toEqual([]);
    expect(decodeBoard("ob1!1".padEnd(1_000_001, "x")).problems[0]).toMatch(/too long to be an opwatch board link/);
  });

  it("refuses values that pass the check but break the parameter rules", () => {
    const bad = encodeBoard([{ ref: { ...devcenter, operationId: "not-a-guid" } }]);
    const decoded = decodeBoard(bad);
    expect(decoded.items).toEqual([]);
    expect(decoded.problems[0]).toMatch(/^1 of 1 operations could not be read/);
  });
});

