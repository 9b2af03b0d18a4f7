/**
 * A lesson's objectives by id, in a language: the words the results use to name the weakest objective
 * (issue 14 point 1). Paused until the lesson is known.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";

const LessonObjectivesQuery = graphql(`
  query LessonObjectives($slug: String!, $locale: Locale!) {
    lesson(slug: $slug, locale: $locale) {
      slug
      objectives {
        id
        text
      }
    }
  }
`);

export function useLessonObjectives(slug: Ref<string | null | undefined>, locale: Ref<"AR" | "EN">) {
  const q = useQuery({
    query: LessonObjectivesQuery,
    variables: computed(() => ({ slug: slug.value ?? "", locale: locale.value })),
    pause: computed(() => !slug.value),
  });
  return computed(() => new Map((q.data.value?.lesson?.objectives ?? []).map((o) => [o.id, o.text])));
}
