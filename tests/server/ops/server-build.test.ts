/**
 * `npm start` runs the server compiled into one module (scripts/build-server.mjs → server/dist/main.mjs, issue 20
 * point 4: cold start), its packages bundled in (only native and optional ones left to node_modules). The compiled
 * server must be the same server: it starts on either engine, serves exactly the committed schema (class names
 * kept: type-graphql and TypeORM name things after them), signs a learner up, grades and stores an answer, and
 * answers a subscription over graphql-ws with a known error. The build is skipped when nothing it is made from
 * changed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from "graphql";
import type { IntrospectionQuery } from "graphql";
import { createClient } from "graphql-ws";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { ensureServer, SERVER_BUNDLE, sourceHash } from "../../../scripts/build-server.mjs";
import { startMain } from "../../helpers/main-process.js";
import { START, SUBMIT } from "../../helpers/operations.js";
import { PROJECT_ROOT } from "../../helpers/test-server.js";
import { scratchDatabase } from "../../helpers/test-database.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: any; errors?: unknown[] }> {
  const res = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
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

    // Writes through the bundled TypeORM and drivers: a learner signs up and a practice answer is graded and stored.
    const up = await post(url, `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`, { i: { displayName: "Bundle Learner", email: "bundle@example.com", password: "a long enough passphrase 42" } });
    expect(up.errors).toBeUndefined();
    const token = up.data.signUp.token as string;
    const quizId = (await post(url, `{ course { lessons { quiz { id } } } }`)).data.course.lessons[0].quiz.id as string;
    const attempt = (await post(url, START, { quizId, mode: "PRACTICE" }, token)).data.startAttempt;
    const choice = (attempt.items as { id: string; type: string; choices: { id: string }[] }[]).find((i) => i.type === "SINGLE_CHOICE")!;
    const answered = await post(url, SUBMIT, { input: { attemptId: attempt.id, itemId: choice.id, answer: { choiceIds: [choice.choices[0].id] } } }, token);
    expect(answered.errors).toBeUndefined();
    expect(answered.data.submitAnswer.status).toBe("GRADED");

    // The bundled ws and graphql-ws: a subscription is answered with the service's own error code.
    const client = createClient({ url: url.replace(/^http/, "ws") + "graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    cleanups.push(() => client.dispose());
    const refused = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: `subscription { liveSession(id: "no-such-session") { phase } }` }, { next: (m) => resolve(m.errors), error: (e) => resolve(e), complete: () => {} });
    });
    expect(JSON.stringify(refused)).toContain("live/not-found");
  });
});
