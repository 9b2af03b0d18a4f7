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
    // The pre-test and the final need the gains (taken or not): no card until they are read, rather than a
    // lesson that turns into the pre-test a moment later.
    const g = gains.value;
    if ((c.diagnostic || c.final) && !g) return null;
    return chooseNextStep({
      diagnostic: c.diagnostic && g && { ...c.diagnostic, taken: g.preTaken },
      final: c.final && g && { ...c.final, taken: g.postTaken },
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
