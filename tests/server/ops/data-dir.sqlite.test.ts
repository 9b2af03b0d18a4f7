/**
 * One SQLite file, one server (issue 19, point 6), and a DATA_DIR that cannot be used stops the start with one
 * line saying what to do (point 7). Real processes, as an operator runs them: a second `npm start` on the same
 * DATA_DIR refuses, naming the first; `npm run backup` and `npm run user:create` keep working beside a running
 * server; a SIGKILLed server leaves no lock behind.
 */
import { execFileSync } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, startMain } from "../../helpers/main-process.js";
import type { MainRun } from "../../helpers/main-process.js";

const dirs: string[] = [];
const running: MainRun[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const run of running.splice(0)) {
    run.kill("SIGKILL");
    await run.exit;
  }
  for (const c of cleanups.splice(0)) c();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Cheap scrypt for the accounts these tests create; SQLite only (DATABASE_URL emptied). */
const ENV = { PASSWORD_HASH_LOG_N: "10", DATABASE_URL: "" };

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), "data-dir-test-"));
  dirs.push(d);
  return d;
}

function start(env: Record<string, string>): MainRun {
  const run = startMain({ ...ENV, ...env });
  running.push(run);
  return run;
}

const gql = async (url: string, query: string, variables?: unknown) =>
  (await fetch(`${url}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })).json();

const oneLine = (text: string) => {
  const lines = text.trim().split("\n");
  expect(lines, text).toHaveLength(1);
  expect(text).not.toMatch(/^\s+at /m);
  return lines[0];
};

// Each test starts two or three real processes; each start takes seconds on the shared cores.
describe("one SQLite DATA_DIR, one server", { timeout: 120_000 }, () => {
  it("should refuse a second server on the same DATA_DIR with one line naming the first, while backup and user:create still work beside it", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const first = start({ DATA_DIR: dataDir });
    const url = await first.url;

    const second = start({ DATA_DIR: dataDir });
    expect(await second.exit).toBe(1);
    const line = oneLine(second.stderr());
    expect(line).toContain(`Another server is already running on DATA_DIR ${dataDir}`);
    expect(line).toContain(`pid ${first.pid}`);
    expect(line).toContain(`listening on ${url}`);
    expect(second.stdout()).not.toContain("Listening on");

    // The first one is untouched: it reads and writes.
    const signUp = await gql(url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: "first@example.test", password: "correct horse battery", displayName: "First" },
    });
    expect(signUp.errors).toBeUndefined();

    // npm run backup and npm run user:create open course.sqlite beside the running server.
    const out = path.join(dataDir, "..", "copy.sqlite");
    const backup = await runCli("server/src/ops/backup.cli.ts", ["--out", out], { ...ENV, DATA_DIR: dataDir });
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect((await stat(out)).size).toBeGreaterThan(10_000);
    const created = await runCli("server/src/accounts/user-create.cli.ts", ["--email", "teacher@example.test", "--password", "correct horse battery", "--role", "instructor"], {
      ...ENV,
      DATA_DIR: dataDir,
    });
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const signIn = await gql(url, `mutation($i: SignInInput!) { signIn(input: $i) { user { role } } }`, { i: { email: "teacher@example.test", password: "correct horse battery" } });
    expect(signIn.data?.signIn.user.role).toBe("INSTRUCTOR");

    first.kill();
    expect(await first.exit).toBe(0);
  });

  it("should start again at once after the running server was killed with SIGKILL, with its data", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const first = start({ DATA_DIR: dataDir });
    const url = await first.url;
    const signUp = await gql(url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, {
      i: { email: "kept@example.test", password: "correct horse battery", displayName: "Kept" },
    });
    expect(signUp.errors).toBeUndefined();
    first.kill("SIGKILL");
    await first.exit;
    // The holder's note is still there, naming a dead process: it is only information, the lock itself is gone.
    expect(JSON.parse(await readFile(path.join(dataDir, "server.lock.json"), "utf8")).pid).toBe(first.pid);

    const next = start({ DATA_DIR: dataDir });
    const nextUrl = await next.url;
    const signIn = await gql(nextUrl, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email: "kept@example.test", password: "correct horse battery" } });
    expect(signIn.errors).toBeUndefined();
    next.kill();
    expect(await next.exit).toBe(0);
    // A clean stop removes the note.
    await expect(stat(path.join(dataDir, "server.lock.json"))).rejects.toThrow(/ENOENT/);
  });

  it("should let exactly one of two servers started at the same moment on one DATA_DIR run", async () => {
    const dataDir = path.join(await tempDir(), "data");
    const runs = [start({ DATA_DIR: dataDir }), start({ DATA_DIR: dataDir })];
    const outcomes = await Promise.all(runs.map((r) => r.url.then(() => "listening" as const, () => "refused" as const)));
    expect([...outcomes].sort()).toEqual(["listening", "refused"]);
    const refused = runs[outcomes.indexOf("refused")];
    expect(oneLine(refused.stderr())).toMatch(/^Another server is already running on DATA_DIR /);
  });
});

describe("a DATA_DIR that cannot be used", { timeout: 60_000 }, () => {
  it("should stop with one line when DATA_DIR cannot be created", async () => {
    const base = await tempDir();
    await writeFile(path.join(base, "a-file"), "not a folder");
    const run = start({ DATA_DIR: path.join(base, "a-file", "data") });
    expect(await run.exit).toBe(1);
    expect(oneLine(run.stderr())).toBe(
      `Cannot create DATA_DIR ${path.join(base, "a-file", "data")} (ENOTDIR): create it writable for this user, or set DATA_DIR to a folder that can be created.`,
    );
  });

  it("should stop with one line when DATA_DIR is read-only", async () => {
    const dataDir = path.join(await tempDir(), "ro");
    execFileSync("mkdir", [dataDir]);
    if (process.getuid?.() === 0) {
      // root writes through file modes: a read-only file system it is.
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dataDir]);
      cleanups.push(() => execFileSync("umount", [dataDir]));
    } else {
      await chmod(dataDir, 0o555);
    }
    const run = start({ DATA_DIR: dataDir });
    expect(await run.exit).toBe(1);
    expect(oneLine(run.stderr())).toMatch(new RegExp(`^DATA_DIR ${dataDir} is not writable \\((EROFS|EACCES)\\): make it writable for this user, or set DATA_DIR to a writable folder\\.$`));
  });
});
