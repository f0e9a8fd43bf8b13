/**
 * The id the proxy sends Azure with each call (Azure logs it beside its own `x-ms-request-id`), returned to the
 * browser under the same name so a support case can quote all three ids of one read.
 */
export const CLIENT_REQUEST_ID_HEADER = "x-ms-client-request-id";
