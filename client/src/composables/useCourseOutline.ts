/**
 * The course as the instructor's pages name it: lessons in order with their objectives and quiz titles, and the
 * lessons a restructure retired (for reports on earlier work only, never offered).
 */
import { computed } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const CourseOutlineQuery = graphql(`
  query CourseOutline($locale: Locale!) {
    course(locale: $locale) {
      id
      lessons {
        ...CourseOutlineFields
      }
      retiredLessons {
        ...CourseOutlineFields
      }
      diagnostic {
        id
        title
      }
      final {
        id
        title
      }
    }
  }
`);

export function useCourseOutline() {
  // Content changes only with a deployment: the cached outline is good for the whole visit.
  const query = useQuery({ query: CourseOutlineQuery, variables: computed(() => ({ locale: gqlLocale.value })), requestPolicy: "cache-first" });
  const lessons = computed(() => query.data.value?.course.lessons ?? []);
  const retiredLessons = computed(() => query.data.value?.course.retiredLessons ?? []);
  // Every quiz an event or a report may name: the lessons' (retired ones too), the diagnostic and the final.
  const quizTitles = computed(() => {
    const c = query.data.value?.course;
    const prepost = [c?.diagnostic, c?.final].filter((q) => q != null);
    return new Map([...[...lessons.value, ...retiredLessons.value].map((l) => [l.quiz.id, l.quiz.title] as const), ...prepost.map((q) => [q.id, q.title] as const)]);
  });
  return { lessons, retiredLessons, quizTitles, fetching: query.fetching, error: query.error };
}
