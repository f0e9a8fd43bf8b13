import type { IncomingMessage } from "node:http";
import { readJsonBody } from "./read-body";
import { clipValue, controlError, controlOk as ok } from "./control-response";
import { plantFault, putDevBox, startOperation, type DevCenterControlContext } from "./devcenter-control";
import type { ControlRoute } from "./routes";
import { parseScenario } from "./scenario-schema";
import type { ScenarioStore } from "./scenario-store";
import type { SimResponse } from "./sim-response";

/**
 * The simulator's own API (not Azure's), for tests and the demo:
 * - `POST /_sim/operations` a scenario → 201 CreatedScenario (400 names what is wrong);
 * - `GET /_sim/operations` → `{"operations":[CreatedScenario...]}`;
 * - `GET /_sim/operations/{id}` → CreatedScenario; `DELETE /_sim/operations/{id}` → 204;
 * - `GET /_sim/operations/{id}/requests` → `{"requests":[...]}` (credentials redacted: request-log.ts);
 * - the dev center's calls (`/_sim/devboxes...`, `/_sim/discovery/faults`): devcenter-control.ts.
 * Errors use Azure's shape too, `{"error":{"code","message"}}`. server.ts runs control-guard.ts's checks (loopback
 * Host and Origin, JSON bodies) on every `/_sim` request before it reaches this.
 */
export async function handleControlRequest(route: ControlRoute, req: IncomingMessage, context: DevCenterControlContext): Promise<SimResponse> {
  const method = req.method ?? "GET";
  const { store } = context;
  switch (route.name) {
    case "devboxes":
      return method === "POST" ? putDevBox(req, context) : notAllowed(method, ["POST"]);
    case "devboxOperations":
      return method === "POST" ? startOperation(req, route, context) : notAllowed(method, ["POST"]);
    case "discoveryFaults":
      return method === "POST" ? plantFault(req, context) : notAllowed(method, ["POST"]);
    case "operations":
      if (method === "GET") return ok(200, { operations: store.list() });
      if (method === "POST") return createScenario(req, store);
      return notAllowed(method, ["GET", "POST"]);
    case "operation": {
      if (method !== "GET" && method !== "DELETE") return notAllowed(method, ["GET", "DELETE"]);
      const stored = store.get(route.id);
      if (!stored) return scenarioNotFound(route.id);
      if (method === "GET") return ok(200, stored.created);
      store.delete(route.id);
      return { status: 204, headers: { "cache-control": "no-store" } };
    }
    case "requests": {
      if (method !== "GET") return notAllowed(method, ["GET"]);
      const stored = store.get(route.id);
      return stored ? ok(200, { requests: stored.requests }) : scenarioNotFound(route.id);
    }
  }
}

async function createScenario(req: IncomingMessage, store: ScenarioStore): Promise<SimResponse> {
  const body = await readJsonBody(req);
  if (!body.ok) return body.error;
  const scenario = parseScenario(body.value);
  if (!scenario.ok) return controlError(400, "InvalidScenario", scenario.error);
  return ok(201, store.create(scenario.value));
}

const scenarioNotFound = (id: string) => controlError(404, "ScenarioNotFound", `No scenario has the id '${clipValue(id)}'.`);

const notAllowed = (method: string, allow: string[]) =>
  controlError(405, "MethodNotAllowed", `The method '${clipValue(method, 20)}' is not allowed here. Allowed: ${allow.join(", ")}.`, {
    allow: allow.join(", "),
  });
