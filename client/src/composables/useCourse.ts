/** The course home: the course in the current language, and (signed in) the learner's progress summary. */
import { computed } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";
import { useAuth } from "./useAuth.js";
import { chooseNextStep } from "./next-step.js";
import { useGains } from "./useGains.js";

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

  const { gains } = useGains(computed(() => !viewer.value));
  const progressBySlug = computed(() => new Map((progress.data.value?.myProgress.lessons ?? []).map((l) => [l.lessonSlug, l])));

  /** The one next step with its reason (next-step.ts): due reviews, the pre-test, a weak objective, the next lesson, the final. */
  const nextStep = computed(() => {
    if (!viewer.value || !progress.data.value || !course.data.value) return null;
    const p = progress.data.value.myProgress;
    const c = course.data.value.course;
    // Until the gains are read, the pre-test and the final count as taken: never offered by mistake.
    const g = gains.value;
    return chooseNextStep({
      diagnostic: c.diagnostic && { ...c.diagnostic, taken: g ? g.preTaken : true },
      final: c.final && { ...c.final, taken: g ? g.postTaken : true },
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
    gains,
  };
}
