import { describe, expect, it } from "vitest";
import { clientAddress } from "./dashboard-clients";

describe("clientAddress", () => {
  it("gives every client its own address in 198.18.0.0/15, never the network's own", () => {
    const addresses = Array.from({ length: 70_000 }, (_, i) => clientAddress(i));
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses[0]).toBe("198.18.0.1");
    expect(addresses[255]).toBe("198.18.1.0");
    for (const address of [addresses[0], addresses[65_535], addresses[69_999]]) {
      expect(address).toMatch(/^198\.(18|19)\.\d{1,3}\.\d{1,3}$/);
    }
  });
});
