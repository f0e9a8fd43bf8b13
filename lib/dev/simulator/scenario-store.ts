import { randomUUID } from "node:crypto";
import { permalinkPath, proxyPath, refKey, upstreamUrl, type OperationKind, type OperationRef } from "@/lib/azure/operation-ref";
import { ARM_SUBSCRIPTION_READS } from "@/lib/azure/token-bucket";
import { ReadThrottle } from "./read-throttle";
import type { AzureRoute } from "./routes";
import type { Scenario } from "./scenario-schema";
import { toLogEntry, type LoggedRequest, type RequestLogEntry } from "./request-log";
import type { ThrottleSetting } from "./throttle-setting";

/** A scenario as the control API reports it. */
export interface CreatedScenario {
  id: string;
  kind: OperationKind;
  ref: OperationRef;
  permalink: string;
  proxyPath: string;
  /** The operation's URL on the simulator itself, with its api-version. */
  url: string;
  clock: "created" | "firstRequest";
  label?: string;
}

export interface StoredScenario {
  created: CreatedScenario;
  steps: Scenario["steps"];
  /** When the steps' clock started; undefined until the first answered GET for clock "firstRequest". */
  clockStart: number | undefined;
  requests: RequestLogEntry[];
}

export interface ScenarioStoreOptions {
  /** The simulator's origin, e.g. http://127.0.0.1:4010. */
  origin: string;
  now: () => number;
  maxScenarios?: number;
  maxRequestsPerScenario?: number;
  /** ARM's read throttling for subscriptions no scenario configures; default ARM's documented bucket. */
  throttle?: ThrottleSetting;
}

const DEFAULT_IDS = {
  resourceGroupName: "opwatch-demo",
  securityConnectorName: "demo-connector",
  projectName: "demo-project",
} as const;

/**
 * All scenarios of one simulator, bounded in memory: the oldest scenario and the oldest log entries go first.
 * It also holds the ARM read budgets, because a scenario can set its subscription's.
 */
export class ScenarioStore {
  readonly reads: ReadThrottle;
  private readonly byId = new Map<string, StoredScenario>();
  private readonly byKey = new Map<string, string>();
  private readonly endpointHost: string;
  private readonly maxScenarios: number;
  private readonly maxRequests: number;

  constructor(private readonly options: ScenarioStoreOptions) {
    this.endpointHost = new URL(options.origin).host;
    this.maxScenarios = options.maxScenarios ?? 10_000;
    this.maxRequests = options.maxRequestsPerScenario ?? 1_000;
    this.reads = new ReadThrottle(options.throttle ?? ARM_SUBSCRIPTION_READS, options.now);
  }

  /**
   * Adds a scenario; one whose operation already exists replaces it (and its log). A `throttle` sets its
   * subscription's read budget, for every scenario there, and outlives the scenario. `clockStart` starts a "created"
   * clock at that time instead of now (a dev box operation the demo shows as started hours ago).
   */
  create(scenario: Scenario, clockStart?: number): CreatedScenario {
    const ref = scenarioRef(scenario, this.endpointHost);
    const key = refKey(ref);
    const previous = this.byKey.get(key);
    if (previous !== undefined) this.delete(previous);
    while (this.byId.size >= this.maxScenarios) {
      const oldest = this.byId.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    const id = randomUUID();
    const url = upstreamUrl(ref, this.options.origin);
    const created: CreatedScenario = {
      id,
      kind: ref.kind,
      ref,
      permalink: permalinkPath(ref),
      proxyPath: proxyPath(ref),
      url: url.href,
      clock: scenario.clock,
      ...(scenario.label === undefined ? {} : { label: scenario.label }),
    };
    this.byId.set(id, {
      created,
      steps: scenario.steps,
      clockStart: scenario.clock === "created" ? (clockStart ?? this.options.now()) : undefined,
      requests: [],
    });
    this.byKey.set(key, id);
    if (ref.kind === "devops" && scenario.kind === "devops" && scenario.throttle !== undefined) {
      this.reads.configure(ref.subscriptionId, scenario.throttle);
    }
    return created;
  }

  /** The scenario a request path names; values match case-insensitively, as Azure's names do. */
  find(route: AzureRoute): StoredScenario | undefined {
    const ref: OperationRef = route.kind === "devops" ? route : { ...route, endpointHost: this.endpointHost };
    const id = this.byKey.get(refKey(ref));
    return id === undefined ? undefined : this.byId.get(id);
  }

  get(id: string): StoredScenario | undefined {
    return this.byId.get(id);
  }

  list(): CreatedScenario[] {
    return [...this.byId.values()].map((s) => s.created);
  }

  delete(id: string): boolean {
    const stored = this.byId.get(id);
    if (!stored) return false;
    this.byId.delete(id);
    this.byKey.delete(refKey(stored.created.ref));
    return true;
  }

  /** The clock start, starting it now if it has not started. */
  startClock(stored: StoredScenario): number {
    stored.clockStart ??= this.options.now();
    return stored.clockStart;
  }

  log(stored: StoredScenario, request: LoggedRequest): void {
    stored.requests.push(toLogEntry(request));
    if (stored.requests.length > this.maxRequests) stored.requests.splice(0, stored.requests.length - this.maxRequests);
  }
}

/**
 * The operation a scenario stands for: its own ids, the defaults for those it leaves out (fresh GUIDs for the ids
 * that must differ), and for DevCenter the simulator's own host as the endpoint.
 */
export function scenarioRef(scenario: Scenario, endpointHost: string): OperationRef {
  if (scenario.kind === "devops") {
    return {
      kind: "devops",
      subscriptionId: scenario.ids.subscriptionId ?? randomUUID(),
      resourceGroupName: scenario.ids.resourceGroupName ?? DEFAULT_IDS.resourceGroupName,
      securityConnectorName: scenario.ids.securityConnectorName ?? DEFAULT_IDS.securityConnectorName,
      operationResultId: scenario.ids.operationResultId ?? randomUUID(),
    };
  }
  return {
    kind: "devcenter",
    endpointHost,
    projectName: scenario.ids.projectName ?? DEFAULT_IDS.projectName,
    operationId: scenario.ids.operationId ?? randomUUID(),
  };
}
