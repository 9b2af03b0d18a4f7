/** `npm start` as a newcomer runs it: the real entry point in its own process. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { contentWith } from "../helpers/content-fixtures.js";
import { onPostgres, scratchDatabase } from "../helpers/test-database.js";
import { startMain } from "../helpers/main-process.js";
import { fixtureContent } from "../helpers/test-server.js";

const dirs: string[] = [];
const disposals: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  for (const dispose of disposals.splice(0)) await dispose();
});

// Each test runs a real start: seconds each, more on the shared cores under load.
describe("npm start (server/src/main.ts)", { timeout: 60_000 }, () => {
  it("should open the database (creating DATA_DIR on SQLite), import content, print its URL and answer the course query; then stop on SIGTERM", async () => {
    const db = await scratchDatabase("main-test-");
    disposals.push(db.dispose);
    const dataDir = path.join(db.dataDir, "fresh", "data");
    const run = startMain({ ...db.env, DATA_DIR: dataDir });
    const url = await run.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(run.stdout()).toContain(onPostgres ? "Database: PostgreSQL (DATABASE_URL)" : `Database: SQLite ${path.join(dataDir, "course.sqlite")}`);
    const res = await fetch(`${url}graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ course(locale: AR) { lessons { slug title quiz { id } } } }" }),
    });
    const body = await res.json();
    expect(body.data.course.lessons.map((l: { slug: string }) => l.slug)).toEqual((await fixtureContent()).course.lessons); // startMain serves the fixture course
    run.kill();
    expect(await run.exit).toBe(0);
  });

  it("should refuse a DATABASE_URL that is not PostgreSQL's, rather than fall back to SQLite", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "main-test-"));
    dirs.push(base);
    const run = startMain({ DATA_DIR: base, DATABASE_URL: "postgress://course:secret@db.internal/course" });
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe("DATABASE_URL must be a postgres:// or postgresql:// URL, not postgress: (leave it unset to use the SQLite file in DATA_DIR)");
    expect(await readdir(base)).toEqual([]);
  });

  it("should say which PostgreSQL it cannot reach, without the password", async () => {
    const run = startMain({ DATABASE_URL: "postgres://course:s3cret@127.0.0.1:1/course" });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/^Cannot open the PostgreSQL database 127\.0\.0\.1:1\/course \(DATABASE_URL\): .*ECONNREFUSED/);
    expect(run.stderr()).not.toContain("s3cret");
  });

  it("should refuse to start on bad content, naming the file, the path and the reason", async () => {
    const dir = await contentWith("quizzes/02-fx-lesson-b.yaml", (d) => (d.items[0].evidence = ["fx-b-nowhere"])); // the fixture course's second quiz
    dirs.push(path.dirname(dir));
    const run = startMain({ CONTENT_DIR: dir, DATA_DIR: path.join(path.dirname(dir), "data") });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('content/quizzes/02-fx-lesson-b.yaml: items[0].evidence[0]: no lesson has paragraph "fx-b-nowhere"');
    expect(run.stdout()).not.toContain("Listening on");
  });
});
