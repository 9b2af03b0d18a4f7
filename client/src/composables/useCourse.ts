/** The course home: the course in the current language, and (signed in) the learner's progress summary. */
import { computed } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";
import { useAuth } from "./useAuth.js";

const CourseHomeQuery = graphql(`
  query CourseHome($locale: Locale!) {
    course(locale: $locale) {
      id
      title
      description
      audience
      article {
        title
        language
      }
      sources {
        ...SourceFields
      }
      lessons {
        ...CourseLessonFields
      }
    }
  }
`);

export const MyProgressSummaryQuery = graphql(`
  query MyProgressSummary {
    myProgress {
      reviewsDue
      lessons {
        ...LessonProgressFields
      }
    }
  }
`);

export function useCourse() {
  const { viewer } = useAuth();
  const course = useQuery({ query: CourseHomeQuery, variables: computed(() => ({ locale: gqlLocale.value })) });
  const progress = useQuery({ query: MyProgressSummaryQuery, pause: computed(() => !viewer.value), requestPolicy: "cache-and-network" });

  const progressBySlug = computed(() => new Map((progress.data.value?.myProgress.lessons ?? []).map((l) => [l.lessonSlug, l])));

  /** Where to pick up: the first lesson in order being read, else the first not started. */
  const resume = computed(() => {
    const lessons = course.data.value?.course.lessons ?? [];
    if (!viewer.value || !progress.data.value) return null;
    const reading = lessons.find((l) => progressBySlug.value.get(l.slug)?.status === "IN_PROGRESS");
    if (reading) return { lesson: reading, kind: "continue" as const };
    const next = lessons.find((l) => (progressBySlug.value.get(l.slug)?.status ?? "NOT_STARTED") === "NOT_STARTED");
    if (next) return { lesson: next, kind: next === lessons[0] ? ("start" as const) : ("next" as const) };
    return { lesson: null, kind: "done" as const };
  });

  return {
    viewer,
    course: computed(() => course.data.value?.course ?? null),
    fetching: course.fetching,
    error: course.error,
    reviewsDue: computed(() => progress.data.value?.myProgress.reviewsDue ?? 0),
    progressBySlug,
    resume,
  };
}
