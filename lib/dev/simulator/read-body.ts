import type { IncomingMessage } from "node:http";
import { fail, ok, type Result } from "@/lib/azure/params";
import { controlError } from "./control-response";
import type { SimResponse } from "./sim-response";

const MAX_CONTROL_BODY_BYTES = 1024 * 1024;

/** The request body as text, or "tooLarge" once it passes `limit` (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, limit = MAX_CONTROL_BODY_BYTES): Promise<Result<string, "tooLarge">> {
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

/** A control API body parsed as JSON, or the control API's answer when it is too large or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<Result<unknown, SimResponse>> {
  const text = await readBody(req);
  if (!text.ok) {
    return fail(controlError(413, "RequestTooLarge", `The body must be at most ${MAX_CONTROL_BODY_BYTES} bytes.`, { connection: "close" }));
  }
  try {
    return ok(JSON.parse(text.value) as unknown);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return fail(controlError(400, "InvalidJson", `The request body is not valid JSON: ${detail.slice(0, 200)}`));
  }
}
