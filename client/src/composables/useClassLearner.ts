/**
 * One learner of a class, for the instructor: lessons, mastery per objective, and every attempt with every
 * raw response (the item version answered included). The quizzes' current option texts turn answer ids into
 * words; an option a later version dropped shows as its id.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { gqlLocale } from "../locale.js";

const ClassLearnerQuery = graphql(`
  query ClassLearner($id: ID!, $learnerId: ID!, $locale: Locale!) {
    classroom(id: $id) {
      id
      name
      learner(id: $learnerId, locale: $locale) {
        learner {
          id
          displayName
          disambiguator
          joinedAt
        }
        lessons {
          lessonSlug
          status
          bestScore
        }
        objectives {
          objectiveId
          level
          fraction
        }
        attempts {
          ...LearnerAttemptFields
        }
      }
    }
    course(locale: $locale) {
      id
      lessons {
        ...CourseOutlineFields
        quiz {
          id
          items {
            id
            choices {
              id
              text
            }
            targets {
              id
              text
            }
          }
        }
      }
    }
  }
`);

export function useClassLearner(classroomId: Ref<string>, learnerId: Ref<string>) {
  const query = useQuery({
    query: ClassLearnerQuery,
    variables: computed(() => ({ id: classroomId.value, learnerId: learnerId.value, locale: gqlLocale.value })),
    requestPolicy: "cache-and-network",
  });
  const data = computed(() => query.data.value ?? null);
  const lessons = computed(() => data.value?.course.lessons ?? []);
  const detail = computed(() => data.value?.classroom?.learner ?? null);
  const items = computed(() => new Map(lessons.value.flatMap((l) => l.quiz.items.map((i) => [i.id, i] as const))));

  /** Attempts grouped by quiz in the course's order, newest attempt first within each. */
  const byQuiz = computed(() =>
    lessons.value
      .map((l) => ({
        lesson: l,
        attempts: (detail.value?.attempts ?? []).filter((a) => a.quizId === l.quiz.id).sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      }))
      .filter((g) => g.attempts.length > 0),
  );

  return {
    className: computed(() => data.value?.classroom?.name ?? ""),
    detail,
    lessons,
    items,
    byQuiz,
    // The learner view's mastery map wants each objective's lesson.
    mastery: computed(() => {
      const lessonOf = new Map(lessons.value.flatMap((l) => l.objectives.map((o) => [o.id, l.slug] as const)));
      return (detail.value?.objectives ?? []).map((o) => ({ ...o, lessonSlug: lessonOf.get(o.objectiveId) ?? "" }));
    }),
    fetching: query.fetching,
    error: query.error,
  };
}
