/** A review session: the items due now, answered one at a time with immediate feedback. */
import { computed, ref, watch } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { ItemResponseFieldsFragment, QuizItemFieldsFragment } from "../gql/graphql.js";
import type { AnswerDraft } from "../quiz/answer-shapes.js";
import { errorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";

const ReviewQueueQuery = graphql(`
  query ReviewQueue($limit: Int!) {
    reviewQueue(limit: $limit) {
      ...QuizItemFields
    }
  }
`);

const SubmitReviewMutation = graphql(`
  mutation SubmitReview($input: ReviewAnswerInput!) {
    submitReview(input: $input) {
      ...ItemResponseFields
      nextReviewAt
    }
  }
`);

export function useReview() {
  const query = useQuery({ query: ReviewQueueQuery, variables: { limit: 20 }, requestPolicy: "network-only" });
  const submit = useMutation(SubmitReviewMutation);
  // The session is a snapshot: answering reschedules items, and a refetch must not reshuffle the session.
  const items = ref<QuizItemFieldsFragment[] | null>(null);
  const index = ref(0);
  const responses = ref(new Map<string, ItemResponseFieldsFragment>());
  /** When each item answered in this session comes back (the server's new due date), for the closing words. */
  const comesBack = ref(new Map<string, string>());
  const errorKey = ref<string | null>(null);
  watch(
    () => query.data.value?.reviewQueue,
    (queue) => {
      if (queue && items.value === null) items.value = [...queue];
    },
    { immediate: true },
  );
  // The queue comes in the account's language, so it is loaded again when the language changes.
  watch(gqlLocale, async () => {
    items.value = null;
    index.value = 0;
    responses.value = new Map();
    comesBack.value = new Map();
    await query.executeQuery({ requestPolicy: "network-only" });
  });

  const current = computed(() => items.value?.[index.value] ?? null);
  const right = computed(() => [...responses.value.values()].filter((r) => r.correct).length);

  async function check(answer: AnswerDraft) {
    const item = current.value;
    if (!item) return;
    errorKey.value = null;
    const r = await submit.executeMutation({ input: { itemId: item.id, answer } });
    if (r.data) {
      responses.value = new Map(responses.value).set(item.id, r.data.submitReview);
      if (r.data.submitReview.nextReviewAt) comesBack.value = new Map(comesBack.value).set(item.id, r.data.submitReview.nextReviewAt as string);
    }
    else errorKey.value = errorInfo(r.error)?.key ?? "errors.unknown";
  }

  return {
    items,
    index,
    current,
    responses,
    comesBack,
    right,
    check,
    checking: submit.fetching,
    errorKey,
    next: () => (index.value += 1),
    fetching: query.fetching,
    error: query.error,
  };
}
