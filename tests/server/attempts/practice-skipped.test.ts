/**
 * Practice shows the key of every item once the attempt is over (issue 14 point 1): a finished practice
 * attempt lists its unanswered items with their right answer, explanation and evidence; an item an assessment
 * also asks keeps them withheld until the learner's assessment results are released (quizzes/pools.ts), and an
 * assessment attempt lists nothing. Over real HTTP, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { guarded } from "../../../server/src/quizzes/pools.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, hasPools, quizWhere } from "../../helpers/course-lookup.js";

const content = await fixtureContent();
// A quiz with pools (practice-only items show their keys; items in both pools are guarded) under NEVER, so
// the guarded keys never come out; and an AFTER_FINISH quiz without pools or essays, whose keys come out
// once its assessment is finished.
const POOLED = quizWhere(content, "pools, review policy NEVER", (q) => hasPools(q) && q.settings.reviewPolicy === "NEVER");
const PLAIN = quizWhere(content, "no pools, no essay, AFTER_FINISH", (q) => !hasPools(q) && !hasEssay(q) && q.settings.reviewPolicy === "AFTER_FINISH");

const SKIPPED = `query($id: ID!) { attempt(id: $id) { id mode state responses { itemId }
  skipped { itemId rightAnswer { choiceIds text sequence pairs { leftId rightId } } feedback { explanation evidence { lessonSlug paragraphId text } } } } }`;

interface Skipped {
  itemId: string;
  rightAnswer: Record<string, unknown> | null;
  feedback: { explanation: string; evidence: { paragraphId: string }[] } | null;
}

let server: TestServer;
const clock = new ManualClock("2026-05-01T08:00:00Z");
beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => {
  await server.stop();
});

describe("a finished practice attempt's skipped items", () => {
  it("should list nothing while the attempt is open, then every unanswered item, with keys only for unguarded items", async () => {
    const me = await server.learner("skipper");
    const attempt = (await me.gql(START, { quizId: POOLED.id, mode: "PRACTICE" })).body.data.startAttempt;
    const answered = POOLED.items.find((i) => attempt.items.some((x: { id: string }) => x.id === i.id) && !guarded(i))!;
    await me.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: answered.id, answer: rightAnswerInput(answered, server.app.store.ids) } });

    const open = (await me.gql(SKIPPED, { id: attempt.id })).body.data.attempt;
    expect(open.skipped).toEqual([]);

    await me.gql(FINISH, { id: attempt.id });
    const done = (await me.gql(SKIPPED, { id: attempt.id })).body.data.attempt;
    const skipped = done.skipped as Skipped[];
    const expected = attempt.items.map((x: { id: string }) => x.id).filter((id: string) => id !== answered.id);
    expect(skipped.map((s) => s.itemId).sort()).toEqual([...expected].sort());

    const byId = new Map(POOLED.items.map((i) => [i.id, i]));
    const open_ = skipped.filter((s) => !guarded(byId.get(s.itemId)!));
    const secret = skipped.filter((s) => guarded(byId.get(s.itemId)!));
    expect(open_.length).toBeGreaterThan(0);
    expect(secret.length).toBeGreaterThan(0);
    for (const s of open_) {
      const item = byId.get(s.itemId)!;
      expect(s.rightAnswer).not.toBeNull();
      expect(s.feedback?.explanation).toBe(item.explanation.ar);
      expect(s.feedback?.evidence.map((e) => e.paragraphId)).toEqual(item.evidence);
    }
    // Items the assessment also asks, under NEVER: no key, no explanation, no evidence, ever.
    for (const s of secret) expect(s).toMatchObject({ rightAnswer: null, feedback: null });
  });

  it("should withhold guarded keys of skipped items until the assessment's results are out, then show them", async () => {
    const me = await server.learner("later");
    const practice = (await me.gql(START, { quizId: PLAIN.id, mode: "PRACTICE" })).body.data.startAttempt;
    await me.gql(FINISH, { id: practice.id });
    const before = (await me.gql(SKIPPED, { id: practice.id })).body.data.attempt.skipped as Skipped[];
    expect(before).toHaveLength(practice.items.length);
    for (const s of before) expect(s).toMatchObject({ rightAnswer: null, feedback: null });

    // The assessment of the same quiz, finished: AFTER_FINISH releases the keys, and they reach practice too.
    const assessment = (await me.gql(START, { quizId: PLAIN.id, mode: "ASSESSMENT" })).body.data.startAttempt;
    const finished = (await me.gql(FINISH, { id: assessment.id })).body.data.finishAttempt;
    expect(finished.feedbackAvailable).toBe(true);
    const assessmentView = (await me.gql(SKIPPED, { id: assessment.id })).body.data.attempt;
    expect(assessmentView.skipped).toEqual([]);

    const after = (await me.gql(SKIPPED, { id: practice.id })).body.data.attempt.skipped as Skipped[];
    expect(after).toHaveLength(practice.items.length);
    for (const s of after) {
      expect(s.rightAnswer).not.toBeNull();
      expect(s.feedback?.evidence.length).toBeGreaterThan(0);
    }
  });

  it("should list nothing for an unfinished assessment's unanswered items, nor leak them once it is finished under NEVER", async () => {
    const me = await server.learner("assessor");
    const assessment = (await me.gql(START, { quizId: POOLED.id, mode: "ASSESSMENT" })).body.data.startAttempt;
    expect((await me.gql(SKIPPED, { id: assessment.id })).body.data.attempt.skipped).toEqual([]);
    await me.gql(FINISH, { id: assessment.id });
    expect((await me.gql(SKIPPED, { id: assessment.id })).body.data.attempt.skipped).toEqual([]);
  });
});
