// @vitest-environment happy-dom
/**
 * useAttempt's finish waits for the answers still on their way: finishAttempt is sent only after every
 * submitAnswer sent before it has come back (saved or failed), so no answer is lost to a closed attempt.
 * And no answer is lost to the network or a lost session: unsent answers wait in the outbox, are counted and
 * shown as not saved, block finishing, go again (with the same clientAnswerId) on reconnecting, after signing
 * in again, and from the next page after a reload.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ref } from "vue";
import { useAttempt } from "../../client/src/composables/useAttempt.js";
import type { QueuedAnswer } from "../../client/src/composables/useAttempt.js";
import { memoryStore } from "../../client/src/offline/idb-store.js";
import type { OutboxStore } from "../../client/src/offline/outbox.js";
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
      spellingNote: null,
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

async function mountAttempt(s: { client: ReturnType<typeof server>["client"] }, store: OutboxStore<QueuedAnswer> = memoryStore()) {
  // Retries only when the test says so (online event, retryNow, resume), never by the timer.
  const { api, wrapper } = mountComposable(s.client, () => useAttempt(ref("a1"), { store, retryMs: [3_600_000, 3_600_000] }));
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
    expect(api.saveState.value.get("i1")).toBe("saving");
    expect(s.pending.size).toBe(2);

    const finishing = api.finish();
    await flushPromises();
    expect(s.sent("FinishAttempt")).toBe(0);

    s.reply("i1", saved("i1"));
    await flushPromises();
    // One answer is back, the other is still on its way: still no finish.
    expect(s.sent("FinishAttempt")).toBe(0);
    expect(api.saveState.value.get("i1")).toBe("saved");

    s.reply("i2", saved("i2"));
    await finishing;
    await Promise.all([a1, a2]);
    expect(s.marks).toEqual(["i1 answered", "i2 answered", "finishAttempt sent"]);
    expect(s.log.map((r) => r.operationName).filter((n) => n === "SubmitAnswer" || n === "FinishAttempt")).toEqual(["SubmitAnswer", "SubmitAnswer", "FinishAttempt"]);
    expect(api.saveState.value.get("i2")).toBe("saved");
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
    expect(api.saveState.value.get("i1")).toBe("failed");
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

type Reply = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** A server whose submitAnswer answers as the test's `mode` says: offline (fetch fails), signed out, or up. */
function flakyServer() {
  const state = { mode: "up" as "up" | "offline" | "signed-out" };
  const stored = new Map<string, { clientAnswerId: string; answer: unknown }>();
  const fake = fakeGraphql({
    AttemptPage: () => ({ data: attempt("IN_PROGRESS") }),
    AttemptQuiz: () => ({ data: { quiz: null } }),
    SubmitAnswer: ({ variables }): Reply => {
      if (state.mode === "offline") throw new TypeError("Failed to fetch");
      if (state.mode === "signed-out") return { errors: [{ message: "Sign in.", extensions: { code: "UNAUTHENTICATED" } }] };
      const input = variables.input as { itemId: string; clientAnswerId: string; answer: unknown };
      stored.set(input.itemId, { clientAnswerId: input.clientAnswerId, answer: input.answer });
      return saved(input.itemId);
    },
    FinishAttempt: () => ({ data: attempt("FINISHED") }),
  });
  const submits = () => fake.log.filter((r) => r.operationName === "SubmitAnswer").map((r) => r.variables.input as { itemId: string; clientAnswerId: string; answer: { text?: string } });
  return { ...fake, state, stored, submits };
}

describe("useAttempt offline", () => {
  it("should keep an answer made offline, show it as not saved, refuse to finish, and send it once on reconnecting", async () => {
    const s = flakyServer();
    const { api } = await mountAttempt(s);
    s.state.mode = "offline";
    await api.answer("i1", { text: "first" });
    await api.answer("i1", { text: "newest" });
    await flushPromises();
    expect(api.unsentCount.value).toBe(1);
    expect(api.saveState.value.get("i1")).toBe("failed");
    expect(api.responses.value.get("i1")?.answer.text).toBe("newest");
    expect(api.responses.value.get("i1")?.status).toBe("ANSWERED");

    await api.finish();
    expect(api.finishError.value).toBe("quiz.unsaved.blocked");
    expect(s.sent("FinishAttempt")).toBe(0);

    s.state.mode = "up";
    window.dispatchEvent(new Event("online"));
    await flushPromises();
    expect(api.unsentCount.value).toBe(0);
    expect(api.saveState.value.get("i1")).toBe("saved");
    // The newest answer landed; every send of it carried the same id, and the older one was never sent again.
    expect(s.stored.get("i1")?.answer).toEqual({ text: "newest" });
    const newest = s.submits().filter((r) => r.answer.text === "newest");
    expect(new Set(newest.map((r) => r.clientAnswerId)).size).toBe(1);
    expect(s.submits().filter((r) => r.answer.text === "first")).toHaveLength(1);

    await api.finish();
    expect(api.finishError.value).toBeNull();
    expect(s.sent("FinishAttempt")).toBe(1);
  });

  it("should pause when the session ended, keep the answers, and send them after signing in again", async () => {
    const s = flakyServer();
    const { api } = await mountAttempt(s);
    s.state.mode = "signed-out";
    await api.answer("i1", { text: "one" });
    await flushPromises();
    expect(api.signedOut.value).toBe(true);
    await api.answer("i2", { text: "two" });
    await flushPromises();
    expect(s.submits().map((r) => r.itemId)).toEqual(["i1"]); // nothing more is sent while signed out
    expect(api.unsentCount.value).toBe(2);

    s.state.mode = "up";
    await api.resume();
    await flushPromises();
    expect(api.signedOut.value).toBe(false);
    expect(api.unsentCount.value).toBe(0);
    expect([...s.stored.keys()].sort()).toEqual(["i1", "i2"]);
  });

  it("should show, after a reload, the newest unsent answers as the questions' answers and send them from the new page", async () => {
    const store = memoryStore<QueuedAnswer>();
    const s = flakyServer();
    s.state.mode = "offline";
    const first = await mountAttempt(s, store);
    await first.api.answer("i1", { text: "typed before the reload" });
    await flushPromises();
    const id = s.submits()[0].clientAnswerId;
    first.wrapper.unmount();

    s.state.mode = "up";
    const second = await mountAttempt(s, store);
    await flushPromises();
    expect(second.api.outboxLoaded.value).toBe(true);
    expect(s.stored.get("i1")).toEqual({ clientAnswerId: id, answer: { text: "typed before the reload" } });
    expect(second.api.unsentCount.value).toBe(0);
    expect(second.api.responses.value.get("i1")?.id).toBe("r-i1");
  });

  it("should only send this attempt's answers", async () => {
    const store = memoryStore<QueuedAnswer>();
    await store.put({ key: "a2/i9", id: "00000000-0000-4000-8000-000000000000", payload: { attemptId: "a2", itemId: "i9", answer: { text: "other" } }, at: 1 });
    const s = flakyServer();
    const { api } = await mountAttempt(s, store);
    await flushPromises();
    expect(api.unsentCount.value).toBe(0);
    expect(s.submits()).toEqual([]);
    expect(await store.all()).toHaveLength(1);
  });
});
