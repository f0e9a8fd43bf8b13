import { describe, expect, it } from "vitest";
import { memoryStore } from "./memory-store";

describe("memoryStore", () => {
  it("finds what was stored until it expires", async () => {
    let now = 1_000_000;
    const sessions = memoryStore(() => now)("Session");
    await sessions.upsert("s1", { uid: "u1", accountId: "ada" }, 60);
    expect(await sessions.find("s1")).toMatchObject({ accountId: "ada" });
    expect(await sessions.findByUid("u1")).toMatchObject({ accountId: "ada" });
    now += 60_000;
    expect(await sessions.find("s1")).toBeUndefined();
    expect(await sessions.findByUid("u1")).toBeUndefined();
  });

  it("keeps each model apart, and each store apart", async () => {
    const store = memoryStore();
    await store("Session").upsert("x", { accountId: "ada" }, 60);
    expect(await store("Grant").find("x")).toBeUndefined();
    expect(await memoryStore()("Session").find("x")).toBeUndefined();
  });

  it("marks a consumed code, destroys on request, and revokes what a grant issued", async () => {
    const store = memoryStore(() => 5_000);
    const codes = store("AuthorizationCode");
    const refresh = store("RefreshToken");
    const interactions = store("Interaction");
    await codes.upsert("c1", { grantId: "g1" }, 60);
    await codes.consume("c1");
    expect(await codes.find("c1")).toMatchObject({ consumed: 5 });
    await refresh.upsert("r1", { grantId: "g1" }, 60);
    await refresh.upsert("r2", { grantId: "g2" }, 60);
    await interactions.upsert("i1", { grantId: "g1" }, 60);
    await refresh.revokeByGrantId("g1");
    expect(await codes.find("c1")).toBeUndefined();
    expect(await refresh.find("r1")).toBeUndefined();
    expect(await refresh.find("r2")).toBeDefined();
    // An interaction is not issued by the grant it names.
    expect(await interactions.find("i1")).toBeDefined();
    await refresh.destroy("r2");
    expect(await refresh.find("r2")).toBeUndefined();
  });
});
