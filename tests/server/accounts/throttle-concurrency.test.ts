/**
 * Throttles that hold under concurrency: guesses sent at once are counted before they are checked, so at
 * most the budget is evaluated, and a right password among them leaves the others counted. The same for
 * deleteMyAccount's password check and for class join codes; sign-up is throttled per address; password
 * hashing runs one at a time on a bounded line. Addresses come from X-Forwarded-For (the test client plays
 * a trusted balancer), so each test has addresses of its own; the clock stands still unless a test moves it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, JOIN_ACCOUNT_LIMITS, JOIN_ADDRESS_LIMITS, limiterKey, SIGN_UPS_PER_ADDRESS } from "../../../server/src/accounts/rate-limiter.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const PASSWORD = "correct horse battery";
const clock = new ManualClock("2026-03-01T00:00:00Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, trustedProxies: ["127.0.0.1"], signUpsPerAddress: SIGN_UPS_PER_ADDRESS });
});
afterAll(async () => server?.stop());

const from = (address: string) => ({ "x-forwarded-for": address });
const codeOf = (r: any): string => r.body.errors?.[0]?.extensions?.code ?? "ok";
const tally = (codes: string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token } }`;
const signIn = (email: string, password: string, address: string) => server.gql<any>(SIGN_IN, { i: { email, password } }, from(address));
const hasher = () => server.app.services.accounts.hasher.stats;
/** The count stored for a key, 0 when there is no row. */
const stored = async (kind: Parameters<typeof limiterKey>[0], key: string) =>
  Number((await server.sql(`SELECT failures FROM sign_in_failure WHERE key = ?`, [limiterKey(kind, key)]))[0]?.failures ?? 0);
/** A learner signed up from `address`, sending its bearer token and that address. */
async function learnerAt(name: string, address: string): Promise<Learner> {
  const l = await server.learner(name);
  return { ...l, gql: (q, v) => server.gql(q, v, { authorization: `Bearer ${l.token}`, ...from(address) }) };
}

describe("sign-in under concurrency", () => {
  it("should evaluate at most the budget of 50 guesses sent at once, and the right one among them wipes none of the others", async () => {
    const victim = await server.learner("victim");
    const verified0 = hasher().verified;
    // 49 wrong, the right one in the middle, all from one address at once.
    const passwords = Array.from({ length: 50 }, (_, i) => (i === 25 ? PASSWORD : `guess ${i}`));
    const codes = (await Promise.all(passwords.map((p) => signIn(victim.email, p, "203.0.113.1")))).map(codeOf);
    const t = tally(codes);
    expect(Object.keys(t).every((c) => ["auth/invalid_credentials", "auth/rate_limited", "ok"].includes(c)), JSON.stringify(t)).toBe(true);
    const failures = t["auth/invalid_credentials"] ?? 0;
    // 5 free, the 6th counted and locking; a right password gives its own slot back, so one more may pass then.
    expect(failures, JSON.stringify(t)).toBeLessThanOrEqual(ACCOUNT_LIMITS.free + 1);
    expect(failures).toBeGreaterThanOrEqual(ACCOUNT_LIMITS.free);
    expect(t.ok ?? 0).toBeLessThanOrEqual(1);
    // Every password check that ran answered one of these calls: none ran for the refused ones.
    expect(hasher().verified - verified0).toBe(failures + (t.ok ?? 0));
    // The stored counts hold every failure, whenever the success landed among them.
    expect(await stored(ACCOUNT_LIMITS, `email:${victim.email.toLowerCase()}`)).toBe(failures);
    expect(await stored(ADDRESS_LIMITS, "ip:203.0.113.1")).toBe(failures);
  });

  it("should let a class of 30 sign in at once from one address (only attempts being checked hold a slot)", async () => {
    const emails = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => (await server.app.services.accounts.createUser({ email: `pupil${i}@example.test`, password: PASSWORD, displayName: `P${i}` })).email),
    );
    const codes = (await Promise.all(emails.map((e) => signIn(e, PASSWORD, "203.0.113.3")))).map(codeOf);
    expect(tally(codes)).toEqual({ ok: 30 });
    expect(await stored(ADDRESS_LIMITS, "ip:203.0.113.3")).toBe(0);
  });

  it("should keep counting failures across a success (a success resets nothing)", async () => {
    const user = await server.learner("steady");
    for (let i = 0; i < 3; i++) expect(codeOf(await signIn(user.email, "typo", "203.0.113.2"))).toBe("auth/invalid_credentials");
    expect(codeOf(await signIn(user.email, PASSWORD, "203.0.113.2"))).toBe("ok");
    for (let i = 0; i < 3; i++) expect(codeOf(await signIn(user.email, "typo", "203.0.113.2"))).toBe("auth/invalid_credentials"); // 4th–6th: the 6th locks
    const locked = await signIn(user.email, PASSWORD, "203.0.113.2");
    expect(codeOf(locked)).toBe("auth/rate_limited");
    expect(locked.body.errors![0].extensions!.retryAfterSeconds).toBe(1);
    clock.advance(1001);
    expect(codeOf(await signIn(user.email, PASSWORD, "203.0.113.2"))).toBe("ok"); // its slot (7th) given back, its lock lifted
    expect(codeOf(await signIn(user.email, PASSWORD, "203.0.113.2"))).toBe("ok");
    expect(await stored(ACCOUNT_LIMITS, `email:${user.email.toLowerCase()}`)).toBe(6);
  });
});

describe("deleteMyAccount's password check", () => {
  const DELETE = `mutation($p: String!) { deleteMyAccount(password: $p) }`;

  it("should evaluate at most the account's budget of 50 wrong passwords sent at once, on the same count as sign-in", async () => {
    clock.advance(60 * 60_000);
    const me = await learnerAt("keeper", "203.0.113.10");
    const verified0 = hasher().verified;
    const codes = (await Promise.all(Array.from({ length: 50 }, (_, i) => me.gql(DELETE, { p: `guess ${i}` })))).map(codeOf);
    const t = tally(codes);
    expect(t["auth/invalid_credentials"], JSON.stringify(t)).toBe(ACCOUNT_LIMITS.free + 1);
    expect(t["auth/rate_limited"]).toBe(50 - ACCOUNT_LIMITS.free - 1);
    expect(hasher().verified - verified0).toBe(ACCOUNT_LIMITS.free + 1);
    // The account is locked for sign-in too, from any address: one budget of guesses per account.
    expect(codeOf(await signIn(me.email, PASSWORD, "198.51.100.77"))).toBe("auth/rate_limited");
    expect((await me.gql(`{ me { id } }`)).body.data.me.id).toBe(me.id);
  });

  it("should share the address's budget with sign-in", async () => {
    clock.advance(60 * 60_000);
    const me = await learnerAt("sharer", "203.0.113.11");
    for (let i = 0; i < ADDRESS_LIMITS.free; i++) expect(codeOf(await signIn(`spray${i}@example.test`, "Winter2026!", "203.0.113.11"))).toBe("auth/invalid_credentials");
    expect(codeOf(await me.gql(DELETE, { p: "not it" }))).toBe("auth/invalid_credentials"); // the 21st: counted, locks the address
    const res = await me.gql(DELETE, { p: PASSWORD });
    expect(codeOf(res)).toBe("auth/rate_limited");
    expect((await me.gql(`{ me { id } }`)).body.data.me.id).toBe(me.id);
    clock.advance(1001);
    expect((await me.gql(DELETE, { p: PASSWORD })).body.data?.deleteMyAccount).toBe(true);
  });
});

describe("join codes", () => {
  const JOIN = `mutation($c: String!) { joinClassroom(code: $c) { id } }`;
  let classCode: string;
  let classId: string;
  beforeAll(async () => {
    const teacher = await server.instructor();
    ({ id: classId, joinCode: classCode } = (await teacher.gql(`mutation { createClassroom(name: "J") { id joinCode } }`)).body.data.createClassroom);
  });
  /** Well-formed codes that are not the class's. */
  const wrongCode = (i: number) => `ZZ${String.fromCharCode(65 + (i % 20))}${String.fromCharCode(65 + Math.floor(i / 20))}-ZZZZ`.replace(/[ILO]/g, "A");

  it("should evaluate at most a learner's budget of 50 wrong codes sent at once, then let the right code in once the lock passes", async () => {
    clock.advance(60 * 60_000);
    const me = await learnerAt("joiner", "203.0.113.20");
    const codes = (await Promise.all(Array.from({ length: 50 }, (_, i) => me.gql(JOIN, { c: wrongCode(i) })))).map(codeOf);
    const t = tally(codes);
    expect(t["classroom/bad_code"], JSON.stringify(t)).toBe(JOIN_ACCOUNT_LIMITS.free + 1);
    expect(t["auth/rate_limited"]).toBe(50 - JOIN_ACCOUNT_LIMITS.free - 1);
    const locked = await me.gql(JOIN, { c: classCode });
    expect(codeOf(locked)).toBe("auth/rate_limited");
    expect(locked.body.errors![0].extensions!.retryAfterSeconds).toBe(1);
    clock.advance(1001);
    expect((await me.gql(JOIN, { c: classCode })).body.data?.joinClassroom.id).toBe(classId);
    expect(await stored(JOIN_ACCOUNT_LIMITS, `user:${me.id}`)).toBe(JOIN_ACCOUNT_LIMITS.free + 1); // the right code's slot given back
  });

  it("should limit one address however many learners it spreads the guesses over", async () => {
    clock.advance(60 * 60_000);
    const learners = await Promise.all([0, 1, 2, 3].map((k) => learnerAt(`spreader${k}`, "203.0.113.21")));
    const codes: string[] = [];
    for (let i = 0; i < JOIN_ADDRESS_LIMITS.free + 2; i++) codes.push(codeOf(await learners[i % 4].gql(JOIN, { c: wrongCode(i) })));
    expect(codes.slice(0, JOIN_ADDRESS_LIMITS.free + 1).every((c) => c === "classroom/bad_code"), codes.join()).toBe(true);
    expect(codes[JOIN_ADDRESS_LIMITS.free + 1]).toBe("auth/rate_limited");
    // A learner elsewhere is not held up.
    expect((await (await learnerAt("elsewhere", "203.0.113.22")).gql(JOIN, { c: classCode })).body.data?.joinClassroom.id).toBe(classId);
  });

  it("should not count a malformed code (it cannot hit a class)", async () => {
    clock.advance(60 * 60_000);
    const me = await learnerAt("typist", "203.0.113.23");
    for (let i = 0; i < 20; i++) expect(codeOf(await me.gql(JOIN, { c: "nope" }))).toBe("classroom/bad_code");
    expect(await stored(JOIN_ACCOUNT_LIMITS, `user:${me.id}`)).toBe(0);
  });
});

describe("sign-up", () => {
  const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`;
  const signUp = (email: string, address: string) => server.gql<any>(SIGN_UP, { i: { email, password: PASSWORD, displayName: "S" } }, from(address));

  it("should be throttled per address, taken emails or not, and keep its clear email-taken answer", async () => {
    clock.advance(2 * 60 * 60_000);
    const known = (await server.learner("known")).email;
    // 60 at once from one address, every third an email that exists.
    const emails = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? known : `harvest${i}@example.test`));
    const codes = (await Promise.all(emails.map((e) => signUp(e, "203.0.113.30")))).map(codeOf);
    const t = tally(codes);
    expect((t.ok ?? 0) + (t["auth/email_taken"] ?? 0), JSON.stringify(t)).toBe(SIGN_UPS_PER_ADDRESS + 1);
    expect(t["auth/rate_limited"]).toBe(60 - SIGN_UPS_PER_ADDRESS - 1);
    expect(t["auth/email_taken"]).toBeGreaterThan(0);
    // Another address signs up, and learns that an email is taken, as before.
    expect(codeOf(await signUp("newcomer@example.test", "203.0.113.31"))).toBe("ok");
    expect(codeOf(await signUp(known, "203.0.113.31"))).toBe("auth/email_taken");
    const locked = await signUp("late@example.test", "203.0.113.30");
    expect(codeOf(locked)).toBe("auth/rate_limited");
    expect(locked.body.errors![0].extensions!.retryAfterSeconds).toBe(1);
  });

  it("should read SIGN_UPS_PER_ADDRESS and refuse a value that is not a count", async () => {
    const { signUpsFromEnv } = await import("../../../server/src/accounts/rate-limiter.js");
    expect(signUpsFromEnv({})).toBe(SIGN_UPS_PER_ADDRESS);
    expect(signUpsFromEnv({ SIGN_UPS_PER_ADDRESS: "400" })).toBe(400);
    expect(() => signUpsFromEnv({ SIGN_UPS_PER_ADDRESS: "lots" })).toThrow(/SIGN_UPS_PER_ADDRESS/);
  });
});

describe("password hashing on a bounded line", () => {
  let small: TestServer;
  beforeAll(async () => {
    // N = 2^15 (32 MiB, tens of ms): slow enough that 20 sign-ups at once overlap.
    small = await startTestServer({ clock, passwordParams: { logN: 15, r: 8, p: 1 }, hashing: { concurrency: 1, maxWaiting: 4 } });
  });
  afterAll(async () => small?.stop());

  it("should hash one at a time, keep at most maxWaiting in line and refuse the rest at once with auth/busy and a retry time", async () => {
    const stats = small.app.services.accounts.hasher.stats;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => small.gql<any>(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: `busy${i}@example.test`, password: PASSWORD, displayName: "B" } })),
    );
    const t = tally(results.map(codeOf));
    expect(stats.peakRunning).toBe(1);
    expect(stats.peakWaiting).toBeLessThanOrEqual(4);
    expect(t["auth/busy"], JSON.stringify(t)).toBeGreaterThan(0);
    expect((t.ok ?? 0) + t["auth/busy"]).toBe(20);
    expect(stats.refused).toBe(t["auth/busy"]);
    const busy = results.find((r) => codeOf(r) === "auth/busy")!;
    expect(busy.body.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // A refused sign-up created nothing and cost nothing: the same email signs up now.
    const refusedEmail = `busy${results.indexOf(busy)}@example.test`;
    expect(codeOf(await small.gql(`mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { email: refusedEmail, password: PASSWORD, displayName: "B" } }))).toBe("ok");
  });

  it("should read PASSWORD_HASH_CONCURRENCY and refuse a value that is not a count", async () => {
    const { hashingFromEnv } = await import("../../../server/src/accounts/password.js");
    expect(hashingFromEnv({})).toEqual({});
    expect(hashingFromEnv({ PASSWORD_HASH_CONCURRENCY: "2" })).toEqual({ concurrency: 2 });
    expect(() => hashingFromEnv({ PASSWORD_HASH_CONCURRENCY: "0" })).toThrow(/PASSWORD_HASH_CONCURRENCY/);
  });
});
