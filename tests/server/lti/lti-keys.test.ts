/**
 * The tool's keys and platform registration: a key made on the first start and kept across restarts, the
 * JWK Set it is published in, rotation with overlap (by the service and by `npm run lti:rotate-key`), and
 * `npm run lti:register` with several deployments. Both engines.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createLocalJWKSet, jwtVerify, SignJWT } from "jose";
import type { JSONWebKeySet } from "jose";
import { ToolKeys } from "../../../server/src/lti/lti-keys.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { databaseEnv } from "../../helpers/test-database.js";
import type { TestServer } from "../../helpers/test-server.js";
import { PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const start = async (opts: Parameters<typeof startTestServer>[0] = {}) => {
  const s = await startTestServer(opts);
  servers.push(s);
  return s;
};
const jwks = async (s: TestServer) => {
  const res = await fetch(`${s.url}lti/jwks`);
  expect(res.status).toBe(200);
  return (await res.json()) as JSONWebKeySet;
};
const cli = (script: string, args: string[], s: TestServer) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...databaseEnv(s), LTI_TOOL_URL: "https://tool.example.org/" }, encoding: "utf8" });
const DAY = 86_400_000;
/** Each CLI run starts Node with tsx (seconds on a busy machine). */
const CLI_TIMEOUT = 120_000;

describe("the tool's keys (LTI 1.3 §6 / Security Framework §6)", () => {
  it("should make one RS256 key on the first start, publish only its public half, and keep it across a restart", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "lti-keys-"));
    dirs.push(dataDir);
    const first = await start({ dataDir });
    const set = await jwks(first);
    expect(set.keys).toHaveLength(1);
    expect(set.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", e: "AQAB" });
    expect(Object.keys(set.keys[0]).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    await first.stop();
    servers.splice(0);
    const again = await start({ dataDir });
    expect((await jwks(again)).keys.map((k) => k.kid)).toEqual([set.keys[0].kid]);
  });

  it("should rotate with overlap: the new key signs, the old one stays published until the overlap ends, then goes", async () => {
    const s = await start();
    const clock = new ManualClock(new Date());
    const keys = new ToolKeys(s.db, s.app.writes, clock);
    const old = await keys.signingKey();
    const signedByOld = await new SignJWT({ iss: "tool" }).setProtectedHeader({ alg: "RS256", kid: old.kid }).sign(old.key);
    const rotated = await keys.rotate(DAY);
    expect(rotated.kid).not.toBe(old.kid);
    expect((await keys.signingKey()).kid).toBe(rotated.kid);
    expect(rotated.published.sort()).toEqual([old.kid, rotated.kid].sort());
    // A platform holding the published set still verifies what the old key signed, and what the new one signs.
    const published = createLocalJWKSet(await keys.jwks());
    await expect(jwtVerify(signedByOld, published)).resolves.toBeDefined();
    const fresh = await keys.signingKey();
    await expect(jwtVerify(await new SignJWT({}).setProtectedHeader({ alg: "RS256", kid: fresh.kid }).sign(fresh.key), published)).resolves.toBeDefined();
    clock.advance(DAY + 1);
    expect((await keys.jwks()).keys.map((k) => k.kid)).toEqual([rotated.kid]);
    await expect(jwtVerify(signedByOld, createLocalJWKSet(await keys.jwks()))).rejects.toThrow();
    const third = await keys.rotate(DAY);
    expect(third.removed).toEqual([old.kid]);
    expect((await s.sql(`SELECT kid FROM lti_tool_key`)).map((r) => r.kid).sort()).toEqual([rotated.kid, third.kid].sort());
  });

  it("should make the first key once for callers who come at once, and try again after a failed write", async () => {
    const s = await start();
    await s.app.services.ltiKeys.ensureKey();
    await s.sql(`DELETE FROM lti_tool_key`);
    let failures = 1;
    const writes = {
      run: <T>(work: (em: never) => Promise<T>) => {
        if (failures-- > 0) return Promise.reject(new Error("SQLITE_FULL: database or disk is full"));
        return s.app.writes.run(work as never) as Promise<T>;
      },
    };
    const keys = new ToolKeys(s.db, writes as never, new ManualClock(new Date()));
    await expect(keys.ensureKey()).rejects.toThrow(/SQLITE_FULL/);
    expect(await s.sql(`SELECT kid FROM lti_tool_key`)).toEqual([]);
    // The next callers, at once: one key is made and both see it.
    const [set, signing] = await Promise.all([keys.jwks(), keys.signingKey()]);
    expect(set.keys.map((k) => k.kid)).toEqual([signing.kid]);
    expect((await s.sql(`SELECT kid FROM lti_tool_key`)).map((r) => r.kid)).toEqual([signing.kid]);
  });

  it("should rotate by npm run lti:rotate-key, which the running server's JWKS then shows", async () => {
    const s = await start();
    const before = (await jwks(s)).keys.map((k) => k.kid);
    const run = cli("server/src/lti/lti-rotate-key.cli.ts", ["--overlap-days", "2"], s);
    expect(run.status, run.stderr).toBe(0);
    const kid = /New signing key (\S+)\./.exec(run.stdout)![1];
    const after = (await jwks(s)).keys.map((k) => k.kid);
    expect(after.sort()).toEqual([...before, kid].sort());
    expect((await s.app.services.ltiKeys.signingKey()).kid).toBe(kid);
    const bad = cli("server/src/lti/lti-rotate-key.cli.ts", ["--overlap-days", "soon"], s);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--overlap-days must be a number");
  }, CLI_TIMEOUT);
});

describe("npm run lti:register", () => {
  const base = ["--issuer", "https://lms.example.edu", "--client-id", "abc123", "--auth-url", "https://lms.example.edu/auth", "--token-url", "https://lms.example.edu/token", "--jwks-url", "https://lms.example.edu/jwks"];

  it("should register a platform with several deployments, add deployments on a second run, and list it", async () => {
    const s = await start();
    const first = cli("server/src/lti/lti-register.cli.ts", [...base, "--deployment-id", "1", "--deployment-id", "2"], s);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Registered https://lms.example.edu (client abc123); deployments: 1, 2");
    expect(first.stdout).toContain("login URL https://tool.example.org/lti/login");
    expect(first.stdout).toContain("public keyset URL https://tool.example.org/lti/jwks");
    const second = cli("server/src/lti/lti-register.cli.ts", [...base, "--deployment-id", "3", "--frame-origin", "https://school.lms.example.edu"], s);
    expect(second.status, second.stderr).toBe(0);
    const [platform] = await s.app.services.lti.registry.find("https://lms.example.edu", "abc123");
    expect(platform.deploymentIds).toEqual(["1", "2", "3"]);
    expect(platform.frameOrigins).toEqual(["https://school.lms.example.edu"]);
    expect(await s.sql(`SELECT id FROM lti_platform`)).toHaveLength(1);
  }, CLI_TIMEOUT);

  it("should refuse a registration without a deployment or with a non-https URL, and register nothing", async () => {
    const s = await start();
    const none = cli("server/src/lti/lti-register.cli.ts", base, s);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("at least one --deployment-id is required");
    const insecure = cli("server/src/lti/lti-register.cli.ts", [...base.slice(0, 5), "http://lms.example.edu/auth", ...base.slice(6), "--deployment-id", "1"], s);
    expect(insecure.status).toBe(1);
    expect(insecure.stderr).toContain("--auth-url must be an https URL");
    expect(await s.sql(`SELECT id FROM lti_platform`)).toEqual([]);
    const list = cli("server/src/lti/lti-register.cli.ts", ["--list"], s);
    expect(list.stdout).toContain("No platform is registered.");
  }, CLI_TIMEOUT);
});
