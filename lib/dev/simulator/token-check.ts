import { createLocalJWKSet, decodeJwt, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import type { OperationKind } from "@/lib/azure/operation-ref";
import { DEMO_OWNER } from "./demo-ids";
import type { TokenInfo } from "./request-log";

/** The audience each API's tokens are issued for (the same with a trailing slash is accepted too). */
export const AUDIENCES: Record<OperationKind, string> = {
  devops: "https://management.azure.com",
  devcenter: "https://devcenter.azure.com",
};

export interface TokenAuthConfig {
  issuer: string;
  jwks: JSONWebKeySet;
}

/** `reason`: why the token was refused, in ARM's wording, safe to send back (never contains the token). */
export type TokenCheck = { info: TokenInfo; accepted: true } | { info: TokenInfo; accepted: false; missing: boolean; reason: string };

export type TokenChecker = (authorization: string | undefined, kind: OperationKind) => Promise<TokenCheck>;

/**
 * With `auth`, a bearer JWT must verify against the issuer's keys, issuer, audience of the kind and expiry.
 * Without it any non-empty bearer is accepted unverified (`valid: null`); its claims are still read for the log.
 */
export function createTokenChecker(auth: TokenAuthConfig | undefined, now: () => number): TokenChecker {
  const keys = auth ? createLocalJWKSet(auth.jwks) : undefined;
  return async (authorization, kind) => {
    const token = bearerOf(authorization);
    if (token === undefined) {
      return {
        accepted: false,
        missing: true,
        reason: "The authentication failed because of missing 'Authorization' header.",
        info: { present: false, valid: false },
      };
    }
    if (!auth || !keys) return { accepted: true, info: { present: true, valid: null, ...unverifiedClaims(token) } };
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: issuerVariants(auth.issuer),
        audience: [AUDIENCES[kind], `${AUDIENCES[kind]}/`],
        requiredClaims: ["exp"],
        currentDate: new Date(now()),
      });
      return { accepted: true, info: { present: true, valid: true, ...claimsOf(payload) } };
    } catch (error) {
      const reason = describeFailure(error, kind);
      return { accepted: false, missing: false, reason, info: { present: true, valid: false, ...unverifiedClaims(token), error: reason } };
    }
  };
}

/**
 * Whose dev boxes a DevCenter request reads: the token's object id (`oid`, else `sub`). A bearer without claims can
 * only arrive unverified (a simulator started without `auth`); it counts as the first demo user.
 */
export function callerObjectId(info: TokenInfo): string {
  return info.objectId ?? info.subject ?? DEMO_OWNER;
}

/** Issuers are compared exactly, except that a trailing slash is tolerated (discovery documents differ on it). */
function issuerVariants(issuer: string): string[] {
  const bare = issuer.replace(/\/+$/, "");
  return [bare, `${bare}/`];
}

function bearerOf(authorization: string | undefined): string | undefined {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}

type Claims = Pick<TokenInfo, "audience" | "subject" | "objectId" | "issuedAt" | "expiresAt">;

const isoSeconds = (seconds: number | undefined) =>
  seconds !== undefined && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;

/** What identifies a token in the log without being it: tests tell a renewed token from the first by `issuedAt`. */
function claimsOf(payload: JWTPayload): Claims {
  const audience = Array.isArray(payload.aud) ? payload.aud.join(" ") : payload.aud;
  const issuedAt = isoSeconds(payload.iat);
  const expiresAt = isoSeconds(payload.exp);
  return {
    ...(audience === undefined ? {} : { audience }),
    ...(payload.sub === undefined ? {} : { subject: payload.sub }),
    ...(typeof payload.oid === "string" ? { objectId: payload.oid } : {}),
    ...(issuedAt === undefined ? {} : { issuedAt }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}

function unverifiedClaims(token: string): Claims {
  try {
    return claimsOf(decodeJwt(token));
  } catch {
    return {};
  }
}

function describeFailure(error: unknown, kind: OperationKind): string {
  if (error instanceof errors.JWTExpired) return "The access token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") {
      return `The access token has been obtained for wrong audience or resource. It should exactly match with one of the allowed audiences '${AUDIENCES[kind]}','${AUDIENCES[kind]}/'.`;
    }
    if (error.claim === "iss") return "The access token is from the wrong issuer.";
    if (error.reason === "missing") return `The access token lacks the '${error.claim}' claim.`;
    return `The access token has an invalid '${error.claim}' claim.`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The access token signature is invalid.";
  if (error instanceof errors.JWKSNoMatchingKey) return "The access token is signed with a key the issuer does not publish.";
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return "The access token is not a well-formed JWT.";
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return "The access token uses an algorithm that is not accepted.";
  }
  return "The access token could not be validated.";
}
