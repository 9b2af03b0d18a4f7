/** Which address sign-in throttling counts: the socket's, or behind trusted proxies the one they recorded. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "../../../server/src/http/client-address.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const req = (peer: string, xff?: string) => ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } }) as any;
const balancers = new Set(["10.0.0.1", "10.0.0.2"]);

describe("clientAddress", () => {
  it.each([
    ["an untrusted peer's header is ignored", req("198.51.100.9", "203.0.113.7"), "198.51.100.9"],
    ["a trusted peer's header names the client", req("10.0.0.1", "203.0.113.7"), "203.0.113.7"],
    ["a client's own entries on the left prove nothing", req("10.0.0.1", "1.1.1.1, 203.0.113.7, 10.0.0.2"), "203.0.113.7"],
    ["an IPv4 address on an IPv6 socket is the same address", req("::ffff:10.0.0.1", "::ffff:203.0.113.7"), "203.0.113.7"],
    ["a trusted peer without the header is itself", req("10.0.0.1"), "10.0.0.1"],
    ["only proxies in the header: the leftmost", req("10.0.0.1", "10.0.0.2"), "10.0.0.2"],
  ])("%s", (_name, r, expected) => {
    expect(clientAddress(r, balancers)).toBe(expected);
  });

  it("should read TRUSTED_PROXIES and refuse what is not an address", () => {
    expect(parseTrustedProxies(" 10.0.0.1, ::FFFF:10.0.0.2 ,fd00::1")).toEqual(["10.0.0.1", "10.0.0.2", "fd00::1"]);
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(() => parseTrustedProxies("10.0.0.1, lb.internal")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("sign-in throttling behind a load balancer", () => {
  const clock = new ManualClock("2026-03-01T00:00:00Z");
  let behindProxy: TestServer;
  let direct: TestServer;
  beforeAll(async () => {
    behindProxy = await startTestServer({ clock, trustedProxies: ["127.0.0.1"] }); // the test client plays the balancer
    direct = await startTestServer({ clock });
  });
  afterAll(async () => {
    await behindProxy?.stop();
    await direct?.stop();
  });

  const signIn = (server: TestServer, i: number, from: string) =>
    server.gql<any>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email: `spray${i}@example.test`, password: "Winter2026!" } }, { "x-forwarded-for": from });
  const codeOf = (r: any) => r.body.errors?.[0]?.extensions?.code;

  it("should lock the address the balancer names, and not the learners behind the same balancer", async () => {
    for (let i = 0; i < 21; i++) expect(codeOf(await signIn(behindProxy, i, "203.0.113.7"))).toBe("auth/invalid_credentials");
    expect(codeOf(await signIn(behindProxy, 99, "203.0.113.7"))).toBe("auth/rate_limited");
    expect(codeOf(await signIn(behindProxy, 100, "203.0.113.8"))).toBe("auth/invalid_credentials");
  });

  it("should not let a client escape the lock with a made-up X-Forwarded-For when no proxy is trusted", async () => {
    for (let i = 0; i < 21; i++) await signIn(direct, i, `203.0.113.${i}`);
    expect(codeOf(await signIn(direct, 99, "198.51.100.1"))).toBe("auth/rate_limited");
  });
});
