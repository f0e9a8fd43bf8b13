import { describe, expect, it } from "vitest";
import { parseScenario } from "./scenario-schema";
import { ScenarioStore } from "./scenario-store";

const origin = "http://127.0.0.1:4999";

function scenario(operationResultId: string) {
  const parsed = parseScenario({ kind: "devops", ids: { operationResultId }, steps: [{ afterMs: 0 }] });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const route = (operationResultId: string, created: ReturnType<ScenarioStore["create"]>) => {
  if (created.ref.kind !== "devops") throw new Error("devops expected");
  return { ...created.ref, operationResultId };
};

describe("ScenarioStore", () => {
  it("evicts the oldest scenario beyond its cap", () => {
    const store = new ScenarioStore({ origin, now: () => 0, maxScenarios: 3 });
    const created = ["a", "b", "c", "d"].map((id) => store.create(scenario(id)));
    expect(store.list().map((s) => s.ref.kind === "devops" && s.ref.operationResultId)).toEqual(["b", "c", "d"]);
    const [first, second] = created;
    if (!first || !second) throw new Error("created");
    expect(store.get(first.id)).toBeUndefined();
    expect(store.find(route("a", first))).toBeUndefined();
    expect(store.find(route("B", second))?.created.id).toBe(second.id);
  });

  it("keeps the newest log entries up to its cap", () => {
    const store = new ScenarioStore({ origin, now: () => 0, maxRequestsPerScenario: 3 });
    const created = store.create(scenario("x"));
    const stored = store.get(created.id);
    if (!stored) throw new Error("stored");
    for (let n = 0; n < 5; n++) {
      store.log(stored, {
        at: n,
        method: "GET",
        url: new URL(`${origin}/p?n=${n}`),
        headers: {},
        token: { present: false, valid: false },
        status: 401,
      });
    }
    expect(stored.requests.map((r) => r.query.n)).toEqual(["2", "3", "4"]);
  });

  it("finds DevCenter scenarios by project and id whatever host the request came to", () => {
    const store = new ScenarioStore({ origin, now: () => 0 });
    const parsed = parseScenario({ kind: "devcenter", ids: { projectName: "Proj" }, steps: [{ afterMs: 0 }] });
    if (!parsed.ok) throw new Error(parsed.error);
    const created = store.create(parsed.value);
    if (created.ref.kind !== "devcenter") throw new Error("devcenter expected");
    expect(created.ref.endpointHost).toBe("127.0.0.1:4999");
    expect(store.find({ kind: "devcenter", projectName: "proj", operationId: created.ref.operationId.toUpperCase() })).toBeDefined();
  });
});
