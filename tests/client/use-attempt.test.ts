// @vitest-environment happy-dom
/**
 * useAttempt's finish waits for the answers still on their way: finishAttempt is sent only after every
 * submitAnswer sent before it has come back (saved or failed), so no answer is lost to a closed attempt.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ref } from "vue";
import { useAttempt } from "../../client/src/composables/useAttempt.js";
import { deferred, fakeGraphql, mountComposable } from "./fake-graphql.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const attempt = (state: "IN_PROGRESS" | "FINISHED") => ({
  attempt: {
    id: "a1",
    quizId: "quiz-1",
    mode: "ASSESSMENT",
    state,
    locale: "EN",
    startedAt: "2025-03-01T10:00:00.000Z",
    finishedAt: state === "FINISHED" ? "2025-03-01T10:05:00.000Z" : null,
    deadline: null,
    score: null,
    maxScore: 2,
    feedbackAvailable: false,
    items: [],
    responses: [],
  },
});

const saved = (itemId: string) => ({
  data: {
    submitAnswer: {
      id: `r-${itemId}`,
      itemId,
      status: "SAVED",
      score: null,
      maxScore: 1,
      correct: null,
      answeredAt: "2025-03-01T10:01:00.000Z",
      answer: { choiceIds: ["x"], text: null, sequence: null, pairs: null },
      rightAnswer: null,
      feedback: null,
    },
  },
});

/** A server whose submitAnswer replies wait for the test; the log gets a mark when each reply is let go. */
function server() {
  const pending = new Map<string, ReturnType<typeof deferred<object>>>();
  const marks: string[] = [];
  let finished = false;
  const fake = fakeGraphql({
    AttemptPage: () => ({ data: attempt(finished ? "FINISHED" : "IN_PROGRESS") }),
    AttemptQuiz: () => ({ data: { quiz: null } }),
    SubmitAnswer: ({ variables }) => {
      const itemId = (variables.input as { itemId: string }).itemId;
      const d = deferred<object>();
      pending.set(itemId, d);
      return d.promise;
    },
    FinishAttempt: () => {
      marks.push("finishAttempt sent");
      finished = true;
      return { data: attempt("FINISHED") };
    },
  });
  const reply = (itemId: string, answer: object) => {
    marks.push(`${itemId} answered`);
    pending.get(itemId)!.resolve(answer);
  };
  return { ...fake, pending, marks, reply };
}

async function mountAttempt(s: ReturnType<typeof server>) {
  const { api, wrapper } = mountComposable(s.client, () => useAttempt(ref("a1")));
  await flushPromises();
  expect(api.attempt.value?.state).toBe("IN_PROGRESS");
  return { api, wrapper };
}

describe("useAttempt.finish", () => {
  it("should send finishAttempt only after the answers in flight have come back, and keep them", async () => {
    const s = server();
    const { api } = await mountAttempt(s);
    const a1 = api.answer("i1", { choiceIds: ["x"] });
    const a2 = api.answer("i2", { choiceIds: ["x"] });
    await flushPromises();
    expect(api.saveState.get("i1")).toBe("saving");
    expect(s.pending.size).toBe(2);

    const finishing = api.finish();
    await flushPromises();
    expect(s.sent("FinishAttempt")).toBe(0);

    s.reply("i1", saved("i1"));
    await flushPromises();
    // One answer is back, the other is still on its way: still no finish.
    expect(s.sent("FinishAttempt")).toBe(0);
    expect(api.saveState.get("i1")).toBe("saved");

    s.reply("i2", saved("i2"));
    await finishing;
    await Promise.all([a1, a2]);
    expect(s.marks).toEqual(["i1 answered", "i2 answered", "finishAttempt sent"]);
    expect(s.log.map((r) => r.operationName).filter((n) => n === "SubmitAnswer" || n === "FinishAttempt")).toEqual(["SubmitAnswer", "SubmitAnswer", "FinishAttempt"]);
    expect(api.saveState.get("i2")).toBe("saved");
    expect([...api.responses.value.keys()].sort()).toEqual(["i1", "i2"]);
    expect(api.attempt.value?.state).toBe("FINISHED");
    expect(api.finishError.value).toBeNull();
  });

  it("should still finish after an answer in flight fails, once it has failed", async () => {
    const s = server();
    const { api } = await mountAttempt(s);
    const a1 = api.answer("i1", { choiceIds: ["x"] });
    await flushPromises();
    const finishing = api.finish();
    await flushPromises();
    expect(s.sent("FinishAttempt")).toBe(0);

    s.reply("i1", { errors: [{ message: "no", extensions: { code: "answer/invalid" } }] });
    await finishing;
    await a1;
    expect(s.marks).toEqual(["i1 answered", "finishAttempt sent"]);
    expect(api.saveState.get("i1")).toBe("failed");
    expect(api.attempt.value?.state).toBe("FINISHED");
  });

  it("should finish at once when no answer is in flight", async () => {
    const s = server();
    const { api } = await mountAttempt(s);
    const a1 = api.answer("i1", { choiceIds: ["x"] });
    await flushPromises();
    s.reply("i1", saved("i1"));
    await a1;
    await api.finish();
    expect(s.marks).toEqual(["i1 answered", "finishAttempt sent"]);
    expect(api.attempt.value?.state).toBe("FINISHED");
  });
});
