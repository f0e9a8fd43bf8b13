import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { clipValue, controlError, controlOk as ok } from "./control-response";
import { DEMO_OWNER } from "./demo-ids";
import { parseDevBox, parseDevBoxOperation, parseFault } from "./devcenter-control-schema";
import { startDevBoxOperation, type DevCenterState } from "./devcenter-state";
import { readJsonBody } from "./read-body";
import type { ScenarioStore } from "./scenario-store";
import type { SimResponse } from "./sim-response";

/**
 * The control API's dev center calls (all POST, bodies checked by devcenter-control-schema.ts):
 * - `/_sim/devboxes` puts a dev box → 201 `{"projectName","name","owner"}`;
 * - `/_sim/devboxes/{projectName}/{devBoxName}/operations` starts an operation on one → 201
 *   `{"id","operationId","permalink","url"}`, 404 for an unknown box;
 * - `/_sim/discovery/faults` plants failures in a discovery list and/or sets the lists' page size → 204.
 */
export interface DevCenterControlContext {
  store: ScenarioStore;
  devCenter: DevCenterState;
  now: () => number;
}

export async function putDevBox(req: IncomingMessage, context: DevCenterControlContext): Promise<SimResponse> {
  const body = await readJsonBody(req);
  if (!body.ok) return body.error;
  const parsed = parseDevBox(body.value);
  if (!parsed.ok) return controlError(400, "InvalidDevBox", parsed.error);
  const { settleAfterMs, owner = DEMO_OWNER, ...box } = parsed.value;
  return ok(201, context.devCenter.model.putDevBox({ ...box, owner, settleAfterMs }, context.now()));
}

export async function startOperation(
  req: IncomingMessage,
  names: { projectName: string; devBoxName: string },
  context: DevCenterControlContext,
): Promise<SimResponse> {
  const body = await readJsonBody(req);
  if (!body.ok) return body.error;
  const parsed = parseDevBoxOperation(body.value);
  if (!parsed.ok) return controlError(400, "InvalidDevBoxOperation", parsed.error);
  const now = context.now();
  const box = context.devCenter.model.findDevBox(names.projectName, names.devBoxName, parsed.value.owner, now);
  if (!box) {
    return controlError(404, "DevBoxNotFound", `No dev box '${clipValue(names.devBoxName)}' in project '${clipValue(names.projectName)}'.`);
  }
  const operationId = parsed.value.operationId ?? randomUUID();
  const created = startDevBoxOperation(context.store, context.devCenter.model, {
    projectName: box.projectName,
    devBoxName: box.name,
    owner: box.owner,
    operationId,
    kind: parsed.value.operationKind,
    createdBy: parsed.value.createdBy ?? box.owner,
    steps: parsed.value.steps,
    start: now,
  });
  return ok(201, { id: created.id, operationId, permalink: created.permalink, url: created.url });
}

export async function plantFault(req: IncomingMessage, context: DevCenterControlContext): Promise<SimResponse> {
  const body = await readJsonBody(req);
  if (!body.ok) return body.error;
  const parsed = parseFault(body.value);
  if (!parsed.ok) return controlError(400, "InvalidFault", parsed.error);
  const { list, status, count, headers, owner, projectName, pageSize } = parsed.value;
  const faults = context.devCenter.faults;
  if (list !== undefined && status !== undefined) faults.add({ list, status, headers, owner, projectName }, count);
  if (pageSize !== undefined) faults.setPageSize(pageSize, owner);
  return { status: 204, headers: { "cache-control": "no-store" } };
}
