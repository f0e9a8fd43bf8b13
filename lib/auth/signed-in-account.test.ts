import { EventType, type AccountInfo, type EventCallbackFunction, type EventMessage } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { signedInAccount, type AccountSource } from "./signed-in-account";

const ada = { homeAccountId: "ada", localAccountId: "a", environment: "e", tenantId: "t", username: "ada@opwatch.test" } as AccountInfo;
const grace = { homeAccountId: "grace", localAccountId: "g", environment: "e", tenantId: "t", username: "grace@opwatch.test" } as AccountInfo;

function fakeMsal(initial: { active: AccountInfo | null; all: AccountInfo[] }) {
  const state = { ...initial };
  const callbacks: EventCallbackFunction[] = [];
  const client = {
    getActiveAccount: vi.fn(() => state.active),
    getAllAccounts: vi.fn(() => state.all),
    addEventCallback: vi.fn((callback: EventCallbackFunction) => {
      callbacks.push(callback);
      return `cb${callbacks.length}`;
    }),
  };
  const emit = (eventType: EventMessage["eventType"]) => {
    for (const callback of callbacks) callback({ eventType, interactionType: null, payload: null, error: null, timestamp: 0, correlationId: "c" });
  };
  return { client: client as typeof client & AccountSource, state, emit };
}

describe("signedInAccount", () => {
  it("is the active account, else the first one, else undefined", () => {
    expect(signedInAccount(fakeMsal({ active: grace, all: [ada, grace] }).client)).toBe(grace);
    expect(signedInAccount(fakeMsal({ active: null, all: [ada, grace] }).client)).toBe(ada);
    expect(signedInAccount(fakeMsal({ active: null, all: [] }).client)).toBeUndefined();
  });

  it("asks MSAL once until MSAL reports an event, and listens once per client", () => {
    const { client, state, emit } = fakeMsal({ active: ada, all: [ada] });
    for (let i = 0; i < 5; i++) expect(signedInAccount(client)).toBe(ada);
    expect(client.getActiveAccount).toHaveBeenCalledTimes(1);

    state.active = grace;
    state.all = [ada, grace];
    expect(signedInAccount(client), "no event yet: the kept answer").toBe(ada);
    emit(EventType.ACTIVE_ACCOUNT_CHANGED);
    expect(signedInAccount(client)).toBe(grace);
    expect(client.getActiveAccount).toHaveBeenCalledTimes(2);
    expect(client.addEventCallback).toHaveBeenCalledTimes(1);
  });

  it("forgets a signed-out person at MSAL's next event", () => {
    const { client, state, emit } = fakeMsal({ active: ada, all: [ada] });
    expect(signedInAccount(client)).toBe(ada);
    state.active = null;
    state.all = [];
    emit(EventType.LOGOUT_SUCCESS);
    expect(signedInAccount(client)).toBeUndefined();
    // Nobody there is kept too, until an event says otherwise.
    state.all = [grace];
    expect(signedInAccount(client)).toBeUndefined();
    emit(EventType.LOGIN_SUCCESS);
    expect(signedInAccount(client)).toBe(grace);
  });

  it("keeps each client's answer apart", () => {
    const first = fakeMsal({ active: ada, all: [ada] });
    const second = fakeMsal({ active: grace, all: [grace] });
    expect(signedInAccount(first.client)).toBe(ada);
    expect(signedInAccount(second.client)).toBe(grace);
  });
});
