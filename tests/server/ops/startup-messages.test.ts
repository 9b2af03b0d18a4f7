/**
 * A start that cannot succeed stops with a message that says what to do, never a stack (issue 19, low
 * findings): content with a YAML alias bomb or a javascript: source URL, a port in use, a HOST that is not this
 * machine's. Real processes, on both engines. (DATA_DIR's own failures are SQLite's: data-dir.sqlite.test.ts.)
 */
import { rm } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ALIAS_BOMB, contentWith, contentWithText } from "../../helpers/content-fixtures.js";
import { startMain } from "../../helpers/main-process.js";
import { scratchDatabase } from "../../helpers/test-database.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function database(): Promise<Record<string, string>> {
  const db = await scratchDatabase("startup-test-");
  cleanups.push(db.dispose);
  return { ...db.env, DATA_DIR: path.join(db.dataDir, "data") };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at |node:internal|\.ts:\d+:\d+/m);

describe("startup failures say what to do", { timeout: 60_000 }, () => {
  it("should refuse content holding a YAML alias bomb, naming the file, without a stack", async () => {
    const dir = await contentWithText("course.yaml", (old) => `${old}\n${ALIAS_BOMB}\n`);
    cleanups.push(() => rm(path.dirname(dir), { recursive: true, force: true }));
    const run = startMain({ ...(await database()), CONTENT_DIR: dir });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim().split("\n")).toEqual([
      "Content is invalid (1 problem):",
      expect.stringMatching(/^ {2}content\/course\.yaml: \(yaml\): YAML: .*alias.*\(at most 100 alias references per file\)$/i),
    ]);
    noStack(run.stderr());
  });

  it("should refuse content whose source URL is javascript:", async () => {
    const dir = await contentWith("course.yaml", (d) => (d.sources[1].url = "javascript:alert(document.cookie)"));
    cleanups.push(() => rm(path.dirname(dir), { recursive: true, force: true }));
    const run = startMain({ ...(await database()), CONTENT_DIR: dir });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain("content/course.yaml: sources[1].url: a source URL must be an http:// or https:// address");
    noStack(run.stderr());
  });

  it("should say in one line that the port is taken, and what to do", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as AddressInfo).port;
    const run = startMain({ ...(await database()), PORT: String(port) });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe(
      `Port ${port} on 127.0.0.1 is already in use (EADDRINUSE): stop what uses it, or set PORT to another port (PORT=0 picks a free one).`,
    );
  });

  it("should say in one line that HOST is not an address of this machine", async () => {
    const run = startMain({ ...(await database()), HOST: "192.0.2.1" });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe("HOST 192.0.2.1 is not an address of this machine (EADDRNOTAVAIL): set HOST to one of its addresses, or 0.0.0.0 for all.");
  });
});
