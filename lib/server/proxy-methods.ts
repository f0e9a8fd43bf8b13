import "server-only";
import { proxyError } from "./errors";

/**
 * Route handlers for the methods the API does not serve, in Azure's error shape. Exported explicitly because Next
 * would otherwise answer HEAD by running GET (an upstream call) and OPTIONS and the rest with empty bodies.
 */

const methodNotAllowed = (request: Request): Response => proxyError("MethodNotAllowed", request.method);
const notFound = (): Response => proxyError("NotFound");

/** For routes that answer GET: every other method is 405. */
export const methodNotAllowedHandlers = {
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
  HEAD: methodNotAllowed,
  OPTIONS: methodNotAllowed,
};

/** For paths under /api that match no route: every method is 404. */
export const notFoundHandlers = {
  GET: notFound,
  POST: notFound,
  PUT: notFound,
  PATCH: notFound,
  DELETE: notFound,
  HEAD: notFound,
  OPTIONS: notFound,
};
