import { describe, expect, it } from "vitest";
import packageJson from "@/package.json";
import { readConfig } from "@/lib/config/read-config";
import { infoAnswer } from "./info";

const CLIENT = "11111111-2222-4333-8444-555555555555";
const MARK = "infomark";

describe("/api/info", () => {
  it("answers the version, the build id and a valid configuration", async () => {
    const answer = infoAnswer(readConfig({ NODE_ENV: "test", AZURE_CLIENT_ID: CLIENT }), { OPWATCH_BUILD_ID: "b-123" });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual({ version: packageJson.version, buildId: "b-123", configurationValid: true });
  });

  it("says a configuration is invalid without naming a value or a variable", async () => {
    const config = readConfig({ NODE_ENV: "test", AZURE_CLIENT_ID: CLIENT, OPWATCH_LOG_LEVEL: MARK, AZURE_ARM_ENDPOINT: `http://${MARK}.example` });
    const text = await infoAnswer(config, {}).text();
    expect(JSON.parse(text)).toEqual({ version: packageJson.version, buildId: "development", configurationValid: false });
    expect(text).not.toContain(MARK);
  });
});
