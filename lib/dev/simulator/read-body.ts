import type { IncomingMessage } from "node:http";
import { fail, ok, type Result } from "@/lib/azure/params";

export const MAX_CONTROL_BODY_BYTES = 1024 * 1024;

/** The request body as text, or "tooLarge" once it passes `limit` (the rest is drained, not kept). */
export async function readBody(req: IncomingMessage, limit = MAX_CONTROL_BODY_BYTES): Promise<Result<string, "tooLarge">> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return fail("tooLarge");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? fail("tooLarge") : ok(Buffer.concat(chunks).toString("utf8"));
}
