import { describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, UNKNOWN_CLIENT, clientAddress, clientKey, normalizeAddress } from "./client-address";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("uses the header opwatch's server sets from the socket", () => {
    expect(SOCKET_ADDRESS_HEADER).toBe("x-opwatch-socket-address");
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7" }), 0)).toBe("198.51.100.7");
  });

  it("ignores X-Forwarded-For with no trusted proxy in front: a client cannot pick its address", () => {
    const spoofed = headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "X-Forwarded-For": "203.0.113.1, 10.0.0.1" });
    expect(clientAddress(spoofed, 0)).toBe("198.51.100.7");
  });

  it("behind one trusted proxy takes the entry it appended, not what the client wrote before it", () => {
    const forwarded = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "X-Forwarded-For": "  6.6.6.6 , 203.0.113.1 " });
    expect(clientAddress(forwarded, 1)).toBe("203.0.113.1");
    // A client sending a fresh X-Forwarded-For each time still lands in its own bucket.
    expect(clientAddress(headers({ "X-Forwarded-For": "7.7.7.7, 203.0.113.1" }), 1)).toBe("203.0.113.1");
  });

  it("behind two trusted proxies takes the entry the outer one appended", () => {
    const forwarded = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "X-Forwarded-For": "6.6.6.6, 203.0.113.1, 10.1.0.4" });
    expect(clientAddress(forwarded, 2)).toBe("203.0.113.1");
  });

  it("takes the leftmost entry when the list is shorter than the proxies named (a proxy that replaced the header)", () => {
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "X-Forwarded-For": "203.0.113.1" }), 2)).toBe("203.0.113.1");
  });

  it.each(["", "   ", "not-an-ip", "203.0.113", "999.1.1.1", "unknown", "_hidden", "1.2.3.4; rm -rf", "x".repeat(100)])(
    "behind a trusted proxy falls back to the socket when the proxy's entry %j is not an address",
    (hop) => {
      const forwarded = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2", "X-Forwarded-For": `203.0.113.1, ${hop}` });
      expect(clientAddress(forwarded, 1)).toBe("10.0.0.2");
    },
  );

  it("behind a trusted proxy without X-Forwarded-For uses the socket", () => {
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });

  it("without the socket header (plain next start) uses the X-Forwarded-For Next fills in", () => {
    expect(clientAddress(headers({ "X-Forwarded-For": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers({ "X-Forwarded-For": "203.0.113.1, 10.0.0.1" }), 0)).toBe("203.0.113.1");
  });

  it("puts every request whose address cannot be read under one key", () => {
    expect(clientAddress(headers({}), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers({}), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(headers({ "X-Forwarded-For": "garbage" }), 0)).toBe(UNKNOWN_CLIENT);
    // A present but unreadable socket header is not replaced by the client's X-Forwarded-For.
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "garbage", "X-Forwarded-For": "203.0.113.1" }), 0)).toBe(UNKNOWN_CLIENT);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["198.51.100.7:51234", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["::1", "::1"],
  ])("%s is %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each([null, undefined, "", "localhost", "example.com", "1.2.3.4.5", "[1.2.3.4]", "2001:db8::1:443:1:1:1:1:1", "1.2.3.4:port"])(
    "%j is no address",
    (raw) => {
      expect(normalizeAddress(raw)).toBeUndefined();
    },
  );
});

describe("clientKey", () => {
  it("keys IPv4 by the address", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
  });

  it("keys IPv6 by its /64, so one host cannot take a fresh bucket per address", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("64:ff9b::198.51.100.7")).toBe("64:ff9b:0:0::/64");
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
  });

  it("keeps the unknown key as it is", () => {
    expect(clientKey(UNKNOWN_CLIENT)).toBe(UNKNOWN_CLIENT);
  });
});
