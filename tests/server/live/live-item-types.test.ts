/**
 * Every item type runs live (issue 17, point 2): on a copy of the fixture course whose quiz fq-b has its
 * MULTIPLE_CHOICE, MATCHING, ORDERING, SHORT_ANSWER and ESSAY items in the practice pool only (its SINGLE_CHOICE
 * and TRUE_FALSE stay in both pools, so each objective keeps an assessment item; those types and CLASSIFY run
 * live in live-session.test.ts), each question is answered right by one member and wrong by another, graded
 * through the registry as practice answers are; the essays are collected and shown anonymously in the distribution, and neither graded
 * nor counted as evidence until an instructor grades them (they are not). Runs on SQLite and PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, SESSION, START_LIVE, classWithMembers } from "./live-helpers.js";

let server: TestServer;
let teacher: Learner;
let right: Learner;
let wrong: Learner;
let sessionId: string;

beforeAll(async () => {
  const dir = await contentWith("quizzes/02-fx-lesson-b.yaml", (doc) => {
    for (const item of doc.items) if (item.type !== "SINGLE_CHOICE" && item.type !== "TRUE_FALSE") item.pool = "practice";
  });
  server = await startTestServer({ content: await loadContent(dir) });
  let classroomId: string;
  ({ teacher, classroomId, members: [right, wrong] } = await classWithMembers(server, ["Rana", "Walid"]));
  const s = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: "fq-b" } })).body.data.startLiveSession;
  sessionId = s.id;
  await right.gql(JOIN, { c: s.code });
  await wrong.gql(JOIN, { c: s.code });
});
afterAll(async () => server.stop());

describe("every item type live", () => {
  it("should grade each type through the registry, collect essays anonymously, and keep graded answers as evidence", async () => {
    const seen: string[] = [];
    const quiz = server.app.store.quizFile("fq-b")!;
    for (let k = 0; k < quiz.items.filter((i) => i.pool === "practice").length; k++) {
      const shown = (await teacher.gql(CONTROL, { s: sessionId, a: "SHOW_NEXT" })).body.data.liveControl;
      const item = server.app.store.item(shown.item.id)!.item;
      seen.push(item.type);
      for (const [who, answer] of [
        [right, rightAnswerInput(item, server.app.store.ids)],
        [wrong, wrongAnswerInput(item, server.app.store.ids)],
      ] as const) {
        const res = await who.gql(ANSWER, { s: sessionId, i: item.id, c: randomUUID(), a: answer });
        expect(res.body.errors, `${item.type}`).toBeUndefined();
      }
      const revealed = (await teacher.gql(CONTROL, { s: sessionId, a: "REVEAL" })).body.data.liveControl;
      expect(revealed.distribution.answered).toBe(2);
      const mine = (await right.gql(SESSION, { id: sessionId })).body.data.liveSession.myAnswer;
      const his = (await wrong.gql(SESSION, { id: sessionId })).body.data.liveSession.myAnswer;
      if (item.type === "ESSAY") {
        expect(revealed.distribution.essays.sort()).toEqual([rightAnswerInput(item, server.app.store.ids).text, wrongAnswerInput(item, server.app.store.ids).text].sort());
        expect(JSON.stringify(revealed.distribution)).not.toContain("Rana");
        expect(mine).toEqual({ submitted: true, correct: null, score: null });
        expect(revealed.reveal.rightAnswer).toBeNull();
        const evidence = await server.sql(`SELECT id FROM response WHERE "itemId" = ?`, [item.id]);
        expect(evidence).toEqual([]);
      } else {
        expect(revealed.distribution.essays).toBeNull();
        expect(mine, item.type).toMatchObject({ submitted: true, correct: true, score: item.points });
        expect(his, item.type).toMatchObject({ submitted: true, correct: false });
        expect(revealed.distribution.rows.reduce((n: number, r: { count: number }) => n + r.count, 0), item.type).toBeGreaterThanOrEqual(item.type === "MULTIPLE_CHOICE" ? 2 : 1);
        const evidence = await server.sql<{ userId: string; correct: unknown; live: unknown; mode: string }>(`SELECT "userId", correct, live, mode FROM response WHERE "itemId" = ?`, [item.id]);
        expect(evidence.length).toBe(2);
        expect(evidence.every((r) => Boolean(r.live) && r.mode === "PRACTICE")).toBe(true);
      }
    }
    expect(new Set(seen)).toEqual(new Set(["MULTIPLE_CHOICE", "MATCHING", "ORDERING", "SHORT_ANSWER", "ESSAY"]));
    const report = (await teacher.gql(`query($id: ID!) { liveSessionReport(id: $id) { items { itemId facility answered } } }`, { id: sessionId })).body.data.liveSessionReport;
    for (const it of report.items) {
      const type = server.app.store.item(it.itemId)!.item.type;
      expect(it.answered).toBe(2);
      expect(it.facility, type).toBe(type === "ESSAY" ? null : 0.5);
    }
  });
});
