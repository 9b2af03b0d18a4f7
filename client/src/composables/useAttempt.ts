/**
 * Taking an attempt: the attempt (a reload resumes it by id), its quiz's title and settings, answers saved
 * or checked one by one, finishing. Answers in flight are awaited before finishing, so none is lost.
 */
import { computed, reactive, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { ItemResponseFieldsFragment } from "../gql/graphql.js";
import type { AnswerDraft, SaveState } from "../quiz/answer-shapes.js";
import { errorInfo, hasCode } from "../errors.js";
import { StartAttemptMutation } from "./useQuiz.js";

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

export function useAttempt(attemptId: Ref<string>) {
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
  const saveState = reactive(new Map<string, SaveState>());
  const itemError = reactive(new Map<string, string>());
  const closedByServer = ref(false);
  const inFlight = new Set<Promise<unknown>>();

  const responses = computed(() => {
    const m = new Map((attempt.value?.responses ?? []).map((r) => [r.itemId, r]));
    for (const [k, v] of given) m.set(k, v);
    return m;
  });

  /** `certainty`: 1–3 where the attempt's certaintyMode asks for one (certainty-based marking), else null. */
  async function answer(itemId: string, draft: AnswerDraft, certainty: number | null = null) {
    saveState.set(itemId, "saving");
    itemError.delete(itemId);
    const work = submit.executeMutation({ input: { attemptId: attemptId.value, itemId, answer: draft, certainty } });
    inFlight.add(work);
    const r = await work.finally(() => inFlight.delete(work));
    if (r.data) {
      given.set(itemId, r.data.submitAnswer);
      saveState.set(itemId, "saved");
      return;
    }
    saveState.set(itemId, "failed");
    itemError.set(itemId, errorInfo(r.error)?.key ?? "errors.unknown");
    // The deadline passed or the attempt was closed elsewhere: reload it to show where it stands.
    if (hasCode(r.error, "attempt/closed")) {
      closedByServer.value = true;
      await refresh();
    }
  }

  async function refresh() {
    await query.executeQuery({ requestPolicy: "network-only" });
  }

  const finishError = ref<string | null>(null);
  async function finish() {
    await Promise.allSettled([...inFlight]);
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
    checking: submit.fetching,
    finish,
    finishing: finishM.fetching,
    finishError,
    closedByServer,
    refresh,
  };
}
