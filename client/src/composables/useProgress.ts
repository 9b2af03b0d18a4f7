/** My progress: every lesson's status and scores, mastery per objective, and the reviews due. */
import { computed } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const ProgressPageQuery = graphql(`
  query ProgressPage($locale: Locale!) {
    course(locale: $locale) {
      id
      lessons {
        slug
        order
        title
        objectives {
          id
          text
        }
        quiz {
          id
        }
      }
    }
    myProgress {
      reviewsDue
      lessons {
        ...LessonProgressFields
      }
      objectives {
        ...ObjectiveMasteryFields
      }
    }
  }
`);

export function useProgress() {
  const query = useQuery({ query: ProgressPageQuery, variables: computed(() => ({ locale: gqlLocale.value })), requestPolicy: "network-only" });
  const data = computed(() => query.data.value ?? null);
  return {
    lessons: computed(() => data.value?.course.lessons ?? []),
    progress: computed(() => data.value?.myProgress ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}
