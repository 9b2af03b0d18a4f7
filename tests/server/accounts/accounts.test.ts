import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, needsRehash, parseHash, PRODUCTION_PARAMS, verifyPassword } from "../../../server/src/accounts/password.js";
import { UserRow } from "../../../server/src/accounts/user.entity.js";
import { SessionRow } from "../../../server/src/accounts/session.entity.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { databaseEnv } from "../../helpers/test-database.js";
import type { TestServer } from "../../helpers/test-server.js";
import { PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id displayName role locale email } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { token user { id role } } }`;
const ME = `{ me { id displayName role } }`;

let server: TestServer;
let dataDir: string;
const clock = new ManualClock("2026-02-01T00:00:00Z");
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "accounts-"));
  server = await startTestServer({ dataDir, clock });
});
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const code = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => res.body.errors?.[0]?.extensions?.code;

describe("accounts and sessions", () => {
  it("should sign up a learner, set an HttpOnly SameSite=Lax cookie, and store only a hash of the token", async () => {
    const res = await fetch(`${server.url}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SIGN_UP, variables: { input: { email: "  Layla@Example.TEST ", password: "long enough pw", displayName: "ليلى" } } }),
    });
    const body = await res.json();
    expect(body.data.signUp.user).toMatchObject({ role: "LEARNER", locale: "AR", displayName: "ليلى", email: "layla@example.test" });
    const token: string = body.data.signUp.token;
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http on loopback
    const sessions = await server.db.getRepository(SessionRow).find();
    expect(sessions.some((s) => s.id === token)).toBe(false);
    expect(sessions.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);

    // The cookie alone authenticates the web client.
    const viaCookie = await server.gql<any>(ME, {}, { cookie: cookie.split(";")[0] });
    expect(viaCookie.body.data.me.displayName).toBe("ليلى");
  });

  it("should refuse a taken email and explain bad input by field", async () => {
    const taken = await server.gql(SIGN_UP, { input: { email: "layla@example.test", password: "another one!", displayName: "x" } });
    expect(code(taken)).toBe("auth/email_taken");
    const short = await server.gql<any>(SIGN_UP, { input: { email: "new@example.test", password: "short", displayName: "x" } });
    expect(code(short)).toBe("BAD_USER_INPUT");
    expect(short.body.errors![0].extensions!.field).toBe("password");
    const email = await server.gql<any>(SIGN_UP, { input: { email: "not-an-email", password: "long enough pw", displayName: "x" } });
    expect(email.body.errors![0].extensions!.field).toBe("email");
    expect(await server.db.getRepository(UserRow).countBy({ email: "new@example.test" })).toBe(0);
  });

  it("should answer an unknown email and a wrong password the same way", async () => {
    const wrong = await server.gql<any>(SIGN_IN, { input: { email: "layla@example.test", password: "not the password" } });
    const unknown = await server.gql<any>(SIGN_IN, { input: { email: "nobody@example.test", password: "not the password" } });
    expect(code(wrong)).toBe("auth/invalid_credentials");
    const shape = (r: any) => r.body.errors.map((e: any) => ({ message: e.message, code: e.extensions.code, data: r.body.data }));
    expect(shape(unknown)).toEqual(shape(wrong));
  });

  it("should give a new session id at each sign-in and revoke it at sign-out (a replayed token is refused)", async () => {
    const a = (await server.gql<any>(SIGN_IN, { input: { email: "LAYLA@example.test", password: "long enough pw" } })).body.data.signIn.token;
    const b = (await server.gql<any>(SIGN_IN, { input: { email: "layla@example.test", password: "long enough pw" } })).body.data.signIn.token;
    expect(a).not.toBe(b);
    expect((await server.gql<any>(ME, {}, bearer(a))).body.data.me).not.toBeNull();
    const out = await server.gql<any>(`mutation { signOut }`, {}, bearer(a));
    expect(out.body.errors).toBeUndefined();
    expect(out.body.data.signOut).toBe(true);
    expect((await server.gql<any>(ME, {}, bearer(a))).body.data.me).toBeNull();
    expect(code(await server.gql(`{ myProgress { reviewsDue } }`, {}, bearer(a)))).toBe("UNAUTHENTICATED");
    expect((await server.gql<any>(ME, {}, bearer(b))).body.data.me).not.toBeNull(); // other sessions live on
  });

  it("should expire a session after 30 days on the injected clock", async () => {
    const t = (await server.gql<any>(SIGN_IN, { input: { email: "layla@example.test", password: "long enough pw" } })).body.data.signIn.token;
    clock.advance(30 * 24 * 3600 * 1000 - 1000);
    expect((await server.gql<any>(ME, {}, bearer(t))).body.data.me).not.toBeNull();
    clock.advance(2000);
    expect((await server.gql<any>(ME, {}, bearer(t))).body.data.me).toBeNull();
  });

  it("should re-hash a password at sign-in when the parameters rise", async () => {
    const before = (await server.db.getRepository(UserRow).findOneByOrFail({ email: "layla@example.test" })).passwordHash;
    expect(parseHash(before)!.logN).toBe(10);
    await server.stop();
    server = await startTestServer({ dataDir, clock, passwordParams: { logN: 11, r: 8, p: 1 } });
    const res = await server.gql<any>(SIGN_IN, { input: { email: "layla@example.test", password: "long enough pw" } });
    expect(res.body.data.signIn.user.role).toBe("LEARNER");
    const after = (await server.db.getRepository(UserRow).findOneByOrFail({ email: "layla@example.test" })).passwordHash;
    expect(parseHash(after)!.logN).toBe(11);
    expect(needsRehash(after, { logN: 11, r: 8, p: 1 })).toBe(false);
  });
});

describe("password hashing", () => {
  it("should use OWASP's scrypt parameters in production (N = 2^17, r = 8, p = 1)", async () => {
    expect(PRODUCTION_PARAMS).toEqual({ logN: 17, r: 8, p: 1 });
    const hash = await hashPassword("a real password", PRODUCTION_PARAMS);
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("a real password", hash)).toBe(true);
    expect(await verifyPassword("a real passwore", hash)).toBe(false);
  });

  it("should salt every hash", async () => {
    const p = { logN: 10, r: 8, p: 1 };
    expect(await hashPassword("same", p)).not.toBe(await hashPassword("same", p));
  });
});

describe("npm run user:create", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "server/src/accounts/user-create.cli.ts", ...args], {
      cwd: PROJECT_ROOT,
      // The running server's database: its SQLite file, or its PostgreSQL database in the pg project.
      env: { ...process.env, ...databaseEnv(server), PASSWORD_HASH_LOG_N: "10", ...env },
      encoding: "utf8",
    });

  it("should create an instructor (role in any case, password from USER_PASSWORD) while the server runs", async () => {
    const r = run(["--email", "teacher@example.test", "--role", "Instructor", "--name", "Ms Diallo"], { USER_PASSWORD: "teach me well" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Created instructor teacher@example.test");
    const res = await server.gql<any>(SIGN_IN, { input: { email: "teacher@example.test", password: "teach me well" } });
    expect(res.body.data.signIn.user.role).toBe("INSTRUCTOR");
  });

  it("should exit 1 with a message for a taken email or a bad role", () => {
    const taken = run(["--email", "teacher@example.test", "--password", "whatever123", "--role", "admin"]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("already exists");
    const role = run(["--email", "x@example.test", "--password", "whatever123", "--role", "king"]);
    expect(role.status).toBe(1);
    expect(role.stderr).toContain("--role must be");
  });
});
