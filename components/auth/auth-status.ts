"use client";

import { createContext, useContext } from "react";
import type { AccessTokenError } from "@/lib/auth/auth-errors";

/** What the sign-in start-up learned: why the last sign-in redirect failed, if it did. */
export interface AuthStatus {
  redirectError: AccessTokenError | null;
}

export const AuthStatusContext = createContext<AuthStatus>({ redirectError: null });

export function useAuthStatus(): AuthStatus {
  return useContext(AuthStatusContext);
}
