/**
 * My progress: every lesson's status and scores, mastery per objective, and the reviews due. Lessons a
 * restructure retired appear after the live ones, marked retired, where the learner has history in them.
 */
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
      retiredLessons {
        slug
        order
        title
        retired
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
    /** Retired lessons the server reports progress for (it reports them only where the learner has history). */
    retiredLessons: computed(() => {
      const mine = new Set(data.value?.myProgress.lessons.map((l) => l.lessonSlug) ?? []);
      return (data.value?.course.retiredLessons ?? []).filter((l) => mine.has(l.slug));
    }),
    progress: computed(() => data.value?.myProgress ?? null),
    fetching: query.fetching,
    error: query.error,
  };
}
