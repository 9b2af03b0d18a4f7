/** The quiz overview: settings, attempts used, and starting (or resuming) an attempt in either mode. */
import { computed } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";

const QuizOverviewQuery = graphql(`
  query QuizOverview($id: ID!, $locale: Locale!) {
    quiz(id: $id, locale: $locale) {
      id
      title
      lessonSlug
      role
      items {
        id
        type
      }
      settings {
        ...QuizSettingsFields
      }
    }
    course(locale: $locale) {
      id
      lessons {
        slug
        title
      }
    }
    myProgress {
      lessons {
        ...LessonProgressFields
      }
    }
    myOpenAttempts(quizId: $id) {
      id
      mode
      startedAt
      secondsLeft
    }
  }
`);

export const StartAttemptMutation = graphql(`
  mutation StartAttempt($quizId: ID!, $mode: AttemptMode!, $locale: Locale) {
    startAttempt(quizId: $quizId, mode: $mode, locale: $locale) {
      id
      mode
      state
    }
  }
`);

export function useQuiz(quizId: Ref<string>) {
  const query = useQuery({
    query: QuizOverviewQuery,
    variables: computed(() => ({ id: quizId.value, locale: gqlLocale.value })),
    requestPolicy: "cache-and-network",
  });
  const start = useMutation(StartAttemptMutation);
  const quiz = computed(() => query.data.value?.quiz ?? null);
  const lesson = computed(() => query.data.value?.course.lessons.find((l) => l.slug === quiz.value?.lessonSlug) ?? null);
  const lessonProgress = computed(() => query.data.value?.myProgress.lessons.find((l) => l.lessonSlug === quiz.value?.lessonSlug) ?? null);

  async function startAttempt(mode: "PRACTICE" | "ASSESSMENT"): Promise<{ id: string } | { error: AppErrorInfo }> {
    const r = await start.executeMutation({ quizId: quizId.value, mode, locale: gqlLocale.value });
    if (r.data) return { id: r.data.startAttempt.id };
    return { error: errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" } };
  }

  /** The open attempt per mode that starting would resume (issue 14 point 6: the page says so first). */
  const openAttempts = computed(() => new Map((query.data.value?.myOpenAttempts ?? []).map((a) => [a.mode, a])));

  return { quiz, lesson, lessonProgress, openAttempts, fetching: query.fetching, error: query.error, startAttempt, starting: start.fetching };
}
