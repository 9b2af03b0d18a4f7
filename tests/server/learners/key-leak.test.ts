/**
 * Records every response body a learner can get during an ASSESSMENT attempt, selecting every field, and
 * finds no key, explanation, correctness or score in any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../../server/src/content/content.schema.js";
import { publicOptionId } from "../../../server/src/quizzes/quiz.view.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const ANSWER = `{ choiceIds text sequence pairs { leftId rightId } }`;
const RESPONSE = `{ id itemId itemVersion answer ${ANSWER} status score maxScore correct rightAnswer ${ANSWER}
  feedback { explanation comment evidence { lessonSlug paragraphId text } } answeredAt }`;
const ITEM = `{ id type prompt points objectiveIds version choices { id text } targets { id text } rubric { id criterion points } }`;
const ATTEMPT = `{ id quizId mode state locale startedAt finishedAt deadline score maxScore feedbackAvailable items ${ITEM} responses ${RESPONSE} }`;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.stop());

/** Strings whose presence in a body would reveal a key. */
function keyFingerprints(item: Item, typed: Record<string, unknown>): string[] {
  const id = (local: string) => JSON.stringify(publicOptionId(item.id, local));
  const out = [item.explanation.ar, item.explanation.en];
  switch (item.type) {
    case "MULTIPLE_CHOICE":
      out.push(`[${item.choices.filter((c) => c.correct).map((c) => id(c.id)).join(",")}]`);
      break;
    case "ORDERING":
      out.push(`[${item.sequence.map((s) => id(s.id)).join(",")}]`);
      break;
    case "SHORT_ANSWER":
      for (const a of item.accept) if (a !== typed.text) out.push(JSON.stringify(a));
      break;
    default:
  }
  // The learner's own answer is echoed back to them; when it happens to be the key, that is no leak.
  const own = [typed.choiceIds, typed.sequence].filter(Boolean).map((x) => JSON.stringify(x));
  return out.filter((fp) => !own.includes(fp));
}

describe("no key during an assessment", () => {
  it.each(["q-event-and-actors", "q-exporting-rivalry", "q-conclusion"])("should leak nothing in any response body of %s", async (quizId) => {
    const me = await server.learner();
    const quiz = server.app.store.quizFile(quizId)!;
    const bodies: string[] = [];
    const call = async (q: string, v?: Record<string, unknown>) => {
      const res = await me.gql(q, v);
      expect(res.body.errors, q).toBeUndefined();
      bodies.push(res.raw);
      return res.body.data;
    };
    const attempt = (await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) ${ATTEMPT} }`, { q: quizId })).startAttempt;
    const typed: Record<string, Record<string, unknown>> = {};
    quiz.items.forEach((item, i) => (typed[item.id] = i % 2 === 0 || item.type === "SHORT_ANSWER" ? wrongAnswerInput(item) : rightAnswerInput(item)));
    for (const item of quiz.items) {
      await call(`mutation($input: SubmitAnswerInput!) { submitAnswer(input: $input) ${RESPONSE} }`, { input: { attemptId: attempt.id, itemId: item.id, answer: typed[item.id] } });
    }
    await call(`mutation($q: ID!) { startAttempt(quizId: $q, mode: ASSESSMENT) ${ATTEMPT} }`, { q: quizId }); // resume
    await call(`query($id: ID!) { attempt(id: $id) ${ATTEMPT} }`, { id: attempt.id });
    await call(`{ myProgress { reviewsDue lessons { lessonSlug status bestScore grade } objectives { objectiveId level fraction } } }`);
    await call(`{ reviewQueue(limit: 100) ${ITEM} }`);
    await call(`query($q: ID!) { quiz(id: $q) { id items ${ITEM} } }`, { q: quizId });

    const all = bodies.join("\n");
    expect(all).not.toMatch(/"correct":(true|false)/);
    expect(all).not.toMatch(/"rightAnswer":\{/);
    expect(all).not.toMatch(/"feedback":\{/);
    expect(all).not.toMatch(/"status":"GRADED"/);
    expect(all).not.toMatch(/"score":\d/);
    expect(all).not.toMatch(/"(bestScore|grade)":\d/);
    expect(all).not.toMatch(/"level":"(ATTEMPTED|FAMILIAR|PROFICIENT|MASTERED)"/);
    expect(all).toContain('"reviewQueue":[]');
    for (const item of quiz.items) for (const fp of keyFingerprints(item, typed[item.id])) expect(all, `${item.id}: ${fp}`).not.toContain(fp);

    // And the same attempt, finished, does show results (AFTER_FINISH quizzes): the test can tell the difference.
    if (quiz.settings.reviewPolicy === "AFTER_FINISH") {
      const done = await call(`mutation($id: ID!) { finishAttempt(attemptId: $id) ${ATTEMPT} }`, { id: attempt.id });
      expect(JSON.stringify(done)).toMatch(/"correct":(true|false)/);
    }
  });
});
