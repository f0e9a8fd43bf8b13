import type { Adapter, AdapterFactory, AdapterPayload } from "oidc-provider";

/**
 * Where the local sign-in server keeps its sessions, grants and tokens: this process's memory, one store per server.
 * Right for a stand-in that nothing else shares: nothing to set up, and stopping it signs everyone out. Given to
 * oidc-provider as its adapter, in place of its own development one, which warns at every start that a production
 * server must not use it.
 */

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms; undefined: until the server stops. */
  expiresAt: number | undefined;
}

/** What a grant issues (oidc-provider's own in-memory adapter tracks the same). */
const ISSUED_BY_GRANT = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);

/** Above this many entries, a write first drops the expired ones. */
const SWEEP_ABOVE = 2000;

export function memoryStore(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, Entry>();
  /** A session's uid and a device flow's user code, to the id they stand for. */
  const aliases = new Map<string, string>();
  /** The keys of what each grant issued, so revoking the grant revokes them. */
  const grants = new Map<string, Set<string>>();

  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const sweep = () => {
    for (const key of entries.keys()) live(key);
    for (const [alias, key] of aliases) if (!entries.has(key)) aliases.delete(alias);
    for (const [grantId, keys] of grants) {
      for (const key of keys) if (!entries.has(key)) keys.delete(key);
      if (keys.size === 0) grants.delete(grantId);
    }
  };

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    return {
      upsert: (id, payload, expiresIn) => {
        if (entries.size > SWEEP_ABOVE) sweep();
        const stored = key(id);
        const expiresAt = Number.isFinite(expiresIn) && expiresIn > 0 ? now() + expiresIn * 1000 : undefined;
        entries.set(stored, { payload, expiresAt });
        if (model === "Session" && payload.uid) aliases.set(`sessionUid:${payload.uid}`, stored);
        if (payload.userCode) aliases.set(`userCode:${payload.userCode}`, stored);
        if (payload.grantId && ISSUED_BY_GRANT.has(model)) grants.set(payload.grantId, (grants.get(payload.grantId) ?? new Set()).add(stored));
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(live(key(id))),
      findByUid: (uid) => {
        const stored = aliases.get(`sessionUid:${uid}`);
        return Promise.resolve(stored === undefined ? undefined : live(stored));
      },
      findByUserCode: (userCode) => {
        const stored = aliases.get(`userCode:${userCode}`);
        return Promise.resolve(stored === undefined ? undefined : live(stored));
      },
      consume: (id) => {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
        return Promise.resolve();
      },
      destroy: (id) => {
        entries.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId: (grantId) => {
        for (const stored of grants.get(grantId) ?? []) entries.delete(stored);
        grants.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}
