/** Item statistics of one quiz in a class, over first attempts (the default) or all finished assessments. */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const ClassItemStatsQuery = graphql(`
  query ClassItemStats($id: ID!, $quizId: ID!, $all: Boolean!, $locale: Locale!) {
    classroom(id: $id) {
      id
      name
      itemStats(quizId: $quizId, allAttempts: $all, locale: $locale) {
        ...ItemStatFields
      }
    }
  }
`);

export function useItemStats(classroomId: Ref<string>, quizId: Ref<string | null>, allAttempts: Ref<boolean>) {
  const query = useQuery({
    query: ClassItemStatsQuery,
    variables: computed(() => ({ id: classroomId.value, quizId: quizId.value ?? "", all: allAttempts.value, locale: gqlLocale.value })),
    pause: computed(() => !quizId.value),
    requestPolicy: "cache-and-network",
  });
  const stats = computed(() => query.data.value?.classroom?.itemStats ?? null);
  return {
    className: computed(() => query.data.value?.classroom?.name ?? ""),
    stats,
    attempts: computed(() => stats.value?.[0]?.attempts ?? 0),
    fetching: query.fetching,
    error: query.error,
  };
}
