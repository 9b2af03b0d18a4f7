/** Sign-in abuse: backoff per account and per address, aliased calls counted one by one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const clock = new ManualClock("2026-03-01T00:00:00Z");
let server: TestServer;
let email: string;
beforeAll(async () => {
  server = await startTestServer({ clock });
  email = (await server.learner("victim")).email;
});
afterAll(async () => server.stop());

const signIn = (e: string, password: string) => server.gql<any>(`mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email: e, password } });
const codeOf = (r: any) => r.body.errors?.[0]?.extensions?.code ?? "ok";

describe("sign-in throttling", () => {
  it("should lock an account after 5 failures with growing backoff, then let the right password in once it passes", async () => {
    for (let i = 0; i < 5; i++) expect(codeOf(await signIn(email, "wrong password"))).toBe("auth/invalid_credentials");
    expect(codeOf(await signIn(email, "wrong password"))).toBe("auth/invalid_credentials"); // 6th: counted, now locked 1 s
    const locked = await signIn(email, "correct horse battery");
    expect(codeOf(locked)).toBe("auth/rate_limited");
    expect(locked.body.errors![0].extensions!.retryAfterSeconds).toBe(1);
    clock.advance(1001);
    expect(codeOf(await signIn(email, "wrong password"))).toBe("auth/invalid_credentials"); // 7th → 2 s
    expect((await signIn(email, "correct horse battery")).body.errors![0].extensions!.retryAfterSeconds).toBe(2);
    clock.advance(2001);
    expect(codeOf(await signIn(email, "correct horse battery"))).toBe("ok");
    expect(codeOf(await signIn(email, "wrong password"))).toBe("auth/invalid_credentials"); // the success gave back its own slot and lock only: 8th → 4 s
    expect((await signIn(email, "correct horse battery")).body.errors![0].extensions!.retryAfterSeconds).toBe(4);
  });

  it("should answer an unknown email the same way once throttled (no account enumeration)", async () => {
    const ghost = "nobody-here@example.test";
    for (let i = 0; i < 6; i++) await signIn(ghost, "guess");
    const res = await signIn(ghost, "guess");
    expect(codeOf(res)).toBe("auth/rate_limited");
  });

  it("should count aliased signIn fields one by one (and stop at the first failure)", async () => {
    clock.advance(60 * 60_000);
    const target = (await server.learner("aliased")).email;
    const fields = Array.from({ length: 10 }, (_, i) => `a${i}: signIn(input: { email: "${target}", password: "nope${i}" }) { token }`).join(" ");
    // signIn is non-null and mutations run in order: the first failure ends the request, so one request of
    // ten aliases is one guess, and it counts.
    const codes: string[][] = [];
    for (let r = 0; r < 7; r++) codes.push((await server.gql<any>(`mutation { ${fields} }`)).body.errors!.map((e: any) => e.extensions.code));
    expect(codes.slice(0, 6).every((c) => c.length === 1 && c[0] === "auth/invalid_credentials")).toBe(true);
    expect(codes[6]).toEqual(["auth/rate_limited"]);
  });

  it("should count every one of 30 failures sent at once (stored counts, no lost update)", async () => {
    clock.advance(60 * 60_000);
    const target = (await server.learner("flooded")).email;
    const codes = (await Promise.all(Array.from({ length: 30 }, () => signIn(target, "flood")))).map(codeOf);
    // Those checked before the lock was stored were wrong passwords, each counted; the rest found the lock.
    expect(codes.every((c) => c === "auth/invalid_credentials" || c === "auth/rate_limited")).toBe(true);
    const counted = codes.filter((c) => c === "auth/invalid_credentials").length;
    expect(counted).toBeGreaterThan(5);
    // The clock stands still, so the lock tells the stored count: 1 s after the 6th failure, doubling, at most 15 min.
    const locked = await signIn(target, "correct horse battery");
    expect(locked.body.errors![0].extensions!.retryAfterSeconds).toBe(Math.min(15 * 60, 2 ** (counted - 6)));
    clock.advance(60 * 60_000);
  });

  it("should throttle one address trying many accounts", async () => {
    clock.advance(60 * 60_000);
    const codes: string[] = [];
    for (let i = 0; i < 22; i++) codes.push(codeOf(await signIn(`spray${i}@example.test`, "Winter2026!")));
    expect(codes.slice(0, 21).every((c) => c === "auth/invalid_credentials")).toBe(true);
    expect(codes[21]).toBe("auth/rate_limited");
  });
});
