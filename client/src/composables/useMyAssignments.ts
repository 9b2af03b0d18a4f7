/** What the learner's classes assigned them (issue 18, point 3), optionally of one quiz, with where they stand. */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";
import { dueOrder } from "../assignments/due.js";

const MyAssignmentsQuery = graphql(`
  query MyAssignments($locale: Locale!, $quizId: ID) {
    myAssignments(locale: $locale, quizId: $quizId) {
      id
      kind
      targetId
      lessonSlug
      title
      classroomName
      opensAt
      dueAt
      latePolicy
      state
    }
  }
`);

export function useMyAssignments(quizId?: Ref<string | null>) {
  const query = useQuery({
    query: MyAssignmentsQuery,
    variables: computed(() => ({ locale: gqlLocale.value, quizId: quizId?.value ?? null })),
    requestPolicy: "cache-and-network",
    context: { additionalTypenames: ["Assignment"] },
  });
  return {
    assignments: computed(() => dueOrder(query.data.value?.myAssignments ?? [])),
    loaded: computed(() => !!query.data.value),
    error: query.error,
  };
}
