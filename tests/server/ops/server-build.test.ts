/**
 * `npm start` runs the server compiled into one module (scripts/build-server.mjs → server/dist/main.mjs, issue 20
 * point 4: cold start). The compiled server must be the same server: it starts on either engine, answers, and
 * serves exactly the committed schema (class names kept: type-graphql and TypeORM name things after them). The
 * build is skipped when nothing it is made from changed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import type { IntrospectionQuery } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { ensureServer, SERVER_BUNDLE, sourceHash } from "../../../scripts/build-server.mjs";
import { startMain } from "../../helpers/main-process.js";
import { PROJECT_ROOT } from "../../helpers/test-server.js";
import { scratchDatabase } from "../../helpers/test-database.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function post(url: string, query: string): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const res = await fetch(`${url}graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

const sorted = (sdl: ReturnType<typeof buildSchema>) => printSchema(lexicographicSortSchema(sdl));

describe("the compiled server (npm start)", { timeout: 120_000 }, () => {
  it("should build once, then find itself up to date", async () => {
    await ensureServer({ quiet: true });
    expect(await readFile(path.join(path.dirname(SERVER_BUNDLE), ".source-hash"), "utf8")).toBe(sourceHash() + "\n");
    expect(await ensureServer({ quiet: true })).toBe(false);
  });

  it("should start, answer and serve exactly the committed schema", async () => {
    await ensureServer({ quiet: true });
    const db = await scratchDatabase("server-build-");
    cleanups.push(db.dispose);
    const run = startMain({ ...db.env, DATA_DIR: path.join(db.dataDir, "data") }, [SERVER_BUNDLE]);
    cleanups.push(async () => {
      run.kill();
      await run.exit;
    });
    const url = await run.url;
    const course = await post(url, "{ course { title lessons { slug } } }");
    expect(course.errors).toBeUndefined();
    expect((course.data!.course as { lessons: unknown[] }).lessons.length).toBeGreaterThan(0);
    const introspection = await post(url, getIntrospectionQuery({ descriptions: true }));
    expect(introspection.errors).toBeUndefined();
    const served = buildClientSchema(introspection.data as unknown as IntrospectionQuery);
    const committed = buildSchema(await readFile(path.join(PROJECT_ROOT, "server/schema.graphql"), "utf8"));
    expect(sorted(served)).toBe(sorted(committed));
  });
});
