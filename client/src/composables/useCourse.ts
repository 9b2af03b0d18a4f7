/** The course home: the course in the current language, and (signed in) the learner's progress summary. */
import { computed } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";
import { useAuth } from "./useAuth.js";
import { chooseNextStep } from "./next-step.js";

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

export const MyProgressSummaryQuery = graphql(`
  query MyProgressSummary {
    myProgress {
      reviewsDue
      lessons {
        ...LessonProgressFields
      }
      objectives {
        objectiveId
        lessonSlug
        level
        fraction
      }
    }
  }
`);

export function useCourse() {
  const { viewer } = useAuth();
  const course = useQuery({ query: CourseHomeQuery, variables: computed(() => ({ locale: gqlLocale.value })) });
  const progress = useQuery({ query: MyProgressSummaryQuery, pause: computed(() => !viewer.value), requestPolicy: "cache-and-network" });

  const progressBySlug = computed(() => new Map((progress.data.value?.myProgress.lessons ?? []).map((l) => [l.lessonSlug, l])));

  /** The one next step with its reason (next-step.ts): due reviews, a weak objective, the next lesson. */
  const nextStep = computed(() => {
    if (!viewer.value || !progress.data.value || !course.data.value) return null;
    const p = progress.data.value.myProgress;
    return chooseNextStep({
      lessons: course.data.value.course.lessons,
      status: (slug) => progressBySlug.value.get(slug)?.status,
      reviewsDue: p.reviewsDue,
      objectives: p.objectives,
    });
  });

  return {
    viewer,
    course: computed(() => course.data.value?.course ?? null),
    fetching: course.fetching,
    error: course.error,
    reviewsDue: computed(() => progress.data.value?.myProgress.reviewsDue ?? 0),
    progressBySlug,
    nextStep,
  };
}
