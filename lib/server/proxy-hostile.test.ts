import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ok } from "@/lib/azure/params";
import { expectAzureError } from "@/lib/test-support/expect-azure-error";
import { loopbackOnlyGet, loopbackProxyEnv } from "@/lib/test-support/proxy-test-env";
import { startRecordingUpstream } from "@/lib/test-support/recording-upstream";
import { createProxyHandler } from "./proxy-handler";
import { VALID_DEVCENTER_IDS, hostileInputs } from "@/lib/test-support/proxy-hostile-inputs";

// Started at load time: the allowed loopback origin must be known to build the table of cases.
const upstream = await startRecordingUpstream();
const inputs = hostileInputs(upstream.host);

afterAll(async () => {
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
});

function handlerFor(kind: "devops" | "devcenter") {
  const transport = loopbackOnlyGet();
  const env = loopbackProxyEnv(upstream.url);
  return { handler: createProxyHandler(kind, { getEnv: () => ok(env), get: transport.get }), calls: transport.calls };
}

const withToken = () =>
  new Request("http://localhost:3000/api/x", { headers: { Authorization: "Bearer eyJ.eyJ.sig", Cookie: "a=b" } });

describe("hostile path parameters", () => {
  it("the list has at least 30 cases", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(30);
  });

  it("a valid request on the same setup does reach the upstream, so the zero-request checks can fail", async () => {
    const { handler, calls } = handlerFor("devcenter");
    const response = await handler(withToken(), {
      params: Promise.resolve({ endpointHost: upstream.host, ...VALID_DEVCENTER_IDS }),
    });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(upstream.requests).toHaveLength(1);
  });

  it.each(inputs.map((input) => [input.name, input] as const))(
    "%s: 400 in Azure's shape, nothing sent upstream",
    async (_name, input) => {
      const { handler, calls } = handlerFor(input.kind);
      const response = await handler(withToken(), { params: Promise.resolve(input.params) });
      await expectAzureError(response, 400, input.code);
      expect(calls).toHaveLength(0);
      expect(upstream.requests).toHaveLength(0);
    },
  );
});
