import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import { ATTEMPT, START, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";

// The fixture course's first quiz: every auto-graded type, eight items (tests/fixtures/course).
const QUIZ = "fq-a";
const QUIZ_FILE = "quizzes/01-fx-lesson-a.yaml";
let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

describe("per-attempt shuffles", () => {
  it("should give each attempt its own item and option order, stable within the attempt", async () => {
    server = await startTestServer();
    const orders = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const me = await server.learner();
      const a = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
      const again = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
      expect(again.items).toEqual(a.items);
      orders.add(JSON.stringify(a.items.map((it: any) => [it.id, it.choices.map((c: any) => c.id)])));
      // An ORDERING item never shows its elements in the key order.
      const content = server.app.store.quizFile(QUIZ)!;
      for (const item of content.items.filter((x) => x.type === "ORDERING")) {
        const shown = a.items.find((x: any) => x.id === item.id).choices.map((c: any) => c.id);
        expect(shown).not.toEqual((rightAnswerInput(item, server!.app.store.ids) as any).sequence);
      }
    }
    expect(orders.size).toBeGreaterThan(1); // 8! item orders: four identical ones would be a broken shuffle
  });
});

describe("item versions", () => {
  it("should grade an open attempt against the version it was started with after the content changes", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "versions-"));
    dirs.push(dataDir);
    const original = await fixtureContent();
    server = await startTestServer({ dataDir, content: original });
    const me = await server.learner();
    const attempt = (await me.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const quiz = original.quizzes.find((q) => q.id === QUIZ)!;
    const tf = quiz.items.find((i) => i.type === "TRUE_FALSE")!;
    const oldRight = rightAnswerInput(tf, server!.app.store.ids);
    await server.stop();

    // The author flips the key of that true/false item.
    const changedDir = await contentWith(QUIZ_FILE, (d) => {
      const item = d.items.find((i: any) => i.id === tf.id);
      item.answer = !item.answer;
    });
    dirs.push(path.dirname(changedDir));
    server = await startTestServer({ dataDir, content: await loadContent(changedDir) });
    expect(server.app.imported.newVersions).toEqual([tf.id]);
    const me2 = server.rebind(me);

    const r = (await me2.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: tf.id, answer: oldRight } })).body.data.submitAnswer;
    expect(r).toMatchObject({ itemVersion: 1, correct: true });
    const rows = await server.sql(`SELECT v.version FROM response r JOIN quiz_item_version v ON v.id = r."itemVersionId" WHERE r."attemptId" = ?`, [attempt.id]);
    expect(rows).toEqual([{ version: 1 }]);
    const seen = (await me2.gql(ATTEMPT, { id: attempt.id })).body.data.attempt;
    expect(seen.state).toBe("IN_PROGRESS");

    // A new attempt uses version 2, where the same answer is now wrong.
    await me2.gql(`mutation($id: ID!) { finishAttempt(attemptId: $id) { id } }`, { id: attempt.id });
    const fresh = (await me2.gql(START, { quizId: QUIZ, mode: "PRACTICE" })).body.data.startAttempt;
    const r2 = (await me2.gql(SUBMIT, { input: { attemptId: fresh.id, itemId: tf.id, answer: oldRight } })).body.data.submitAnswer;
    expect(r2).toMatchObject({ itemVersion: 2, correct: false });
  });
});
