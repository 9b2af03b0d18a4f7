/**
 * After a live session (issue 17): its report (per item the distribution, facility, time to answer and the
 * class members' answers; guests are never named), the same as CSV text from the server, and a class's past
 * sessions for the dashboard.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useQuery } from "@urql/vue";
import { errorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";
import type { QuizItemFieldsFragment } from "../gql/graphql.js";
import { LIVE_ITEM_FIELDS, LIVE_SESSION_FIELDS } from "./useLiveSession.js";
import type { LiveSessionReport, LiveSessionSummary } from "./useLiveSession.js";

const LiveSessionReportQuery = `
  query LiveSessionReport($id: ID!, $locale: Locale) {
    liveSessionReportCsv(id: $id, locale: $locale)
    liveSessionReport(id: $id, locale: $locale) {
      session {
        ...LiveSessionFields
      }
      items {
        itemId
        prompt
        facility
        medianSecondsToAnswer
        answered
        distribution {
          key
          label
          count
          correct
        }
        answers {
          learnerId
          learnerName
          learnerDisambiguator
          answer
          score
          secondsToAnswer
        }
      }
    }
  }
${LIVE_SESSION_FIELDS}`;

// The quiz's items, public and without keys, to name the options the distribution counts.
const LiveReportQuizQuery = `
  query LiveReportQuiz($id: ID!, $locale: Locale!) {
    quiz(id: $id, locale: $locale) {
      id
      title
      items {
        ...LiveItemFields
      }
    }
  }
${LIVE_ITEM_FIELDS}`;

const ClassroomLiveSessionsQuery = `
  query ClassroomLiveSessions($classroomId: ID!) {
    classroomLiveSessions(classroomId: $classroomId) {
      id
      code
      quizId
      startedAt
      endedAt
      participantCount
    }
  }
`;

export function useLiveReport(sessionId: Ref<string>) {
  const query = useQuery<{ liveSessionReport: LiveSessionReport; liveSessionReportCsv: string }>({
    query: LiveSessionReportQuery,
    variables: computed(() => ({ id: sessionId.value, locale: gqlLocale.value })),
    requestPolicy: "network-only",
  });
  const quizId = computed(() => query.data.value?.liveSessionReport.session.quizId ?? "");
  const quiz = useQuery<{ quiz: { id: string; title: string; items: QuizItemFieldsFragment[] } | null }>({
    query: LiveReportQuizQuery,
    variables: computed(() => ({ id: quizId.value, locale: gqlLocale.value })),
    pause: computed(() => quizId.value === ""),
    requestPolicy: "cache-first",
  });
  const items = computed(() => new Map((quiz.data.value?.quiz?.items ?? []).map((i) => [i.id, i])));
  return {
    report: computed(() => query.data.value?.liveSessionReport ?? null),
    /** The report as CSV text, made by the server (UTF-8 with a BOM, one row per class member's answer). */
    csv: computed(() => query.data.value?.liveSessionReportCsv ?? null),
    quizTitle: computed(() => quiz.data.value?.quiz?.title ?? ""),
    /** The quiz's items by id (their options' texts). */
    items,
    fetching: query.fetching,
    error: query.error,
    errorInfo: computed(() => errorInfo(query.error.value)),
  };
}

/** A class's live sessions, newest first (the dashboard links each to its report). */
export function useClassroomLiveSessions(classroomId: Ref<string>) {
  const query = useQuery<{ classroomLiveSessions: LiveSessionSummary[] }>({
    query: ClassroomLiveSessionsQuery,
    variables: computed(() => ({ classroomId: classroomId.value })),
    requestPolicy: "cache-and-network",
  });
  const sessions = computed(() => [...(query.data.value?.classroomLiveSessions ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
  return { sessions, fetching: query.fetching, error: query.error };
}
