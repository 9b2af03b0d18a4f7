/**
 * Taking an attempt: the attempt (a reload resumes it by id), its quiz's title and settings, answers saved
 * or checked one by one, finishing. No answer is lost: each goes through an outbox (useOutbox) that keeps it
 * in IndexedDB until the server confirmed it, with an id of its own so that a repeat is the same answer;
 * it is sent again on reconnecting, every few seconds while it waits, and after signing in again. Answers
 * still unsent are shown (as the card's draft and as "N answers not saved") and block finishing.
 */
import { computed, reactive, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { ItemResponseFieldsFragment } from "../gql/graphql.js";
import type { AnswerDraft, SaveState } from "../quiz/answer-shapes.js";
import { errorInfo, hasCode } from "../errors.js";
import type { OutboxEntry, OutboxStore, SendOutcome } from "../offline/outbox.js";
import { StartAttemptMutation } from "./useQuiz.js";
import { useOutbox } from "./useOutbox.js";

/** One answer waiting in the outbox: everything needed to send it again from another page. */
export interface QueuedAnswer {
  attemptId: string;
  itemId: string;
  answer: AnswerDraft;
  /** Certainty-based marking: 1–3, or null (absent in entries stored before it existed). */
  certainty?: number | null;
}

/** Codes after which sending again cannot help: the answer is dropped and the error shown on its question. */
const FINAL = new Set(["attempt/closed", "attempt/not_found", "item/not_in_quiz", "answer/invalid", "BAD_USER_INPUT", "FORBIDDEN"]);

const AttemptQuery = graphql(`
  query AttemptPage($id: ID!) {
    attempt(id: $id) {
      ...AttemptFields
    }
  }
`);

const AttemptQuizQuery = graphql(`
  query AttemptQuiz($id: ID!, $locale: Locale!) {
    quiz(id: $id, locale: $locale) {
      id
      title
      lessonSlug
      settings {
        ...QuizSettingsFields
      }
    }
  }
`);

const SubmitAnswerMutation = graphql(`
  mutation SubmitAnswer($input: SubmitAnswerInput!) {
    submitAnswer(input: $input) {
      ...ItemResponseFields
    }
  }
`);

const FinishAttemptMutation = graphql(`
  mutation FinishAttempt($id: ID!) {
    finishAttempt(attemptId: $id) {
      ...AttemptFields
    }
  }
`);

export function useAttempt(attemptId: Ref<string>, opts: { store?: OutboxStore<QueuedAnswer>; retryMs?: [number, number] } = {}) {
  const query = useQuery({ query: AttemptQuery, variables: computed(() => ({ id: attemptId.value })), requestPolicy: "network-only" });
  const attempt = computed(() => query.data.value?.attempt ?? null);
  const quizQuery = useQuery({
    query: AttemptQuizQuery,
    variables: computed(() => ({ id: attempt.value?.quizId ?? "", locale: attempt.value?.locale ?? "AR" })),
    pause: computed(() => !attempt.value),
  });
  const submit = useMutation(SubmitAnswerMutation);
  const finishM = useMutation(FinishAttemptMutation);
  const startM = useMutation(StartAttemptMutation);

  /** Responses given in this page, over the ones the attempt was loaded with. */
  const given = reactive(new Map<string, ItemResponseFieldsFragment>());
  const settledState = reactive(new Map<string, SaveState>());
  const itemError = reactive(new Map<string, string>());
  const closedByServer = ref(false);
  const keyOf = (itemId: string) => `${attemptId.value}/${itemId}`;
  const itemOf = (key: string) => key.slice(key.indexOf("/") + 1);

  async function send(entry: OutboxEntry<QueuedAnswer>): Promise<SendOutcome<ItemResponseFieldsFragment>> {
    const { attemptId: id, itemId, answer: draft, certainty } = entry.payload;
    const r = await submit.executeMutation({ input: { attemptId: id, itemId, answer: draft, clientAnswerId: entry.id, certainty: certainty ?? null } });
    if (r.data) return { kind: "sent", result: r.data.submitAnswer };
    if (hasCode(r.error, "UNAUTHENTICATED")) return { kind: "signed-out" };
    const info = errorInfo(r.error);
    if (info && FINAL.has(info.code)) return { kind: "rejected", reason: info.key };
    return { kind: "retry" }; // no network, server busy or failing: the same answer goes again later
  }

  const outbox = useOutbox<QueuedAnswer, ItemResponseFieldsFragment>("answers", send, {
    filter: (key) => key.startsWith(`${attemptId.value}/`),
    store: opts.store,
    retryMs: opts.retryMs,
    sent(entry, response) {
      given.set(entry.payload.itemId, response);
      settledState.set(entry.payload.itemId, "saved");
      itemError.delete(entry.payload.itemId);
    },
    rejected(entry, reason) {
      settledState.set(entry.payload.itemId, "failed");
      itemError.set(entry.payload.itemId, reason);
      // The deadline passed or the attempt was closed elsewhere: reload it to show where it stands.
      if (reason === "errors.attempt_closed") {
        closedByServer.value = true;
        void refresh();
      }
    },
  });

  /** Answers of this attempt not yet confirmed by the server, newest per question. */
  const unsent = computed(() => outbox.pending());
  const unsentCount = computed(() => unsent.value.length);
  /** The session ended (signed out elsewhere, expired): answers wait until the learner signs in again. */
  const signedOut = computed(() => outbox.paused());

  // A question whose newest answer waits shows that answer (the card's draft starts from it after a reload),
  // as "saving" while it is on its way and "not saved" while it waits: never as saved.
  const saveState = computed(() => {
    const m = new Map(settledState);
    for (const e of unsent.value) m.set(itemOf(e.key), outbox.state(e.key) === "sending" ? "saving" : "failed");
    return m;
  });

  const responses = computed(() => {
    const m = new Map((attempt.value?.responses ?? []).map((r) => [r.itemId, r]));
    for (const [k, v] of given) m.set(k, v);
    for (const e of unsent.value) m.set(e.payload.itemId, unsentResponse(e, m.get(e.payload.itemId)));
    return m;
  });

  /** `certainty`: 1–3 where the attempt's certaintyMode asks for one (certainty-based marking), else null. */
  async function answer(itemId: string, draft: AnswerDraft, certainty: number | null = null) {
    itemError.delete(itemId);
    settledState.delete(itemId);
    await outbox.put(keyOf(itemId), { attemptId: attemptId.value, itemId, answer: draft, certainty });
    // Resolves once this send settled (sent, kept for later, or refused), as the answer did before the outbox:
    // callers that read what the server made of it (a certainty's mark) read it after this.
    await outbox.flush();
    await outbox.settled();
  }

  /** After signing in again (in another tab, or back from the sign-in page): send what waits. */
  async function resume() {
    await outbox.resume();
  }

  async function refresh() {
    await query.executeQuery({ requestPolicy: "network-only" });
  }

  const finishError = ref<string | null>(null);
  async function finish() {
    finishError.value = null;
    // Try once more, then refuse to finish while any answer is unsent: finishing would grade without it.
    await outbox.flush();
    await outbox.settled();
    if (unsentCount.value > 0) {
      finishError.value = "quiz.unsaved.blocked";
      return;
    }
    const r = await finishM.executeMutation({ id: attemptId.value });
    if (r.error) finishError.value = errorInfo(r.error)?.key ?? "errors.unknown";
    await refresh();
  }

  /** A fresh practice attempt of the same quiz (practice is unlimited); resolves to its id. */
  async function practiseAgain(): Promise<string | null> {
    if (!attempt.value) return null;
    const r = await startM.executeMutation({ quizId: attempt.value.quizId, mode: "PRACTICE", locale: attempt.value.locale });
    return r.data?.startAttempt.id ?? null;
  }

  return {
    attempt,
    practiseAgain,
    quiz: computed(() => quizQuery.data.value?.quiz ?? null),
    fetching: query.fetching,
    error: query.error,
    responses,
    saveState,
    itemError,
    answer,
    /** True once answers an earlier page left unsent are read: the questions show them from the start. */
    outboxLoaded: outbox.loaded,
    unsentCount,
    signedOut,
    resume,
    retryNow: () => outbox.flush(),
    checking: submit.fetching,
    finish,
    finishing: finishM.fetching,
    finishError,
    closedByServer,
    refresh,
  };
}

/** A waiting answer in the shape of a response: answered, not graded, the newest draft. */
function unsentResponse(e: OutboxEntry<QueuedAnswer>, stored: ItemResponseFieldsFragment | undefined): ItemResponseFieldsFragment {
  const a = e.payload.answer;
  return {
    id: stored?.id ?? `unsent-${e.id}`,
    itemId: e.payload.itemId,
    status: "ANSWERED",
    score: null,
    maxScore: stored?.maxScore ?? 0,
    correct: null,
    spellingNote: null,
    rubricMarks: null,
    answeredAt: new Date(e.at).toISOString(),
    answer: { choiceIds: a.choiceIds ?? null, text: a.text ?? null, sequence: a.sequence ?? null, pairs: a.pairs ?? null },
    rightAnswer: null,
    feedback: null,
  };
}
