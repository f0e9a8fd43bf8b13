import { createHash, timingSafeEqual } from "node:crypto";

/** The local directory's tenant: a fixed GUID so tokens look like Entra's (`tid`). */
const LOCAL_TENANT_ID = "7e1a0c00-5a1e-4d3e-9c0a-0000000071d0";

export interface DemoUser {
  username: string;
  password: string;
  name: string;
  /** Object id: the account's stable id (`oid`, also used as `sub`). */
  oid: string;
}

/** Demo accounts of the local sign-in server (documented in the README). */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "ada@opwatch.test", password: "demo-password", name: "Ada Lovelace", oid: "a0a0a0a0-0000-4000-8000-00000000ada1" },
  { username: "grace@opwatch.test", password: "demo-password", name: "Grace Hopper", oid: "a0a0a0a0-0000-4000-8000-000000091ace" },
];

/**
 * People for the tests, not shown on the sign-in page: each Playwright worker signs in as its own when what a test
 * does is seen by everyone signed in as the same person (a DevCenter sweep reads all of the person's dev boxes).
 */
export const TEST_USERS: readonly DemoUser[] = Array.from({ length: 8 }, (_, i) => ({
  username: `tester-${i + 1}@opwatch.test`,
  password: "demo-password",
  name: `Tester ${i + 1}`,
  oid: `c0c0c0c0-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
}));

const KNOWN_USERS: readonly DemoUser[] = [...DEMO_USERS, ...TEST_USERS];

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The user with this username (case-insensitive) and password, else undefined. */
export function checkCredentials(username: string, password: string): DemoUser | undefined {
  const user = KNOWN_USERS.find((u) => u.username === username.trim().toLowerCase());
  // Compared as digests so the time taken says nothing about how much of the password matched.
  const expected = digest(user?.password ?? "\u0000no-such-user");
  const matches = timingSafeEqual(expected, digest(password));
  return user && matches ? user : undefined;
}

export function findUserByOid(oid: string): DemoUser | undefined {
  return KNOWN_USERS.find((u) => u.oid === oid);
}

/** The claims Entra ID puts in its id tokens that MSAL reads for the account (name, username, ids). */
export interface UserClaims {
  sub: string;
  oid: string;
  tid: string;
  upn: string;
  preferred_username: string;
  name: string;
}

export function userClaims(user: DemoUser): UserClaims {
  return {
    sub: user.oid,
    oid: user.oid,
    tid: LOCAL_TENANT_ID,
    upn: user.username,
    preferred_username: user.username,
    name: user.name,
  };
}
