/**
 * The essays of a class waiting for a grade, oldest first, a page at a time and of one quiz if chosen, and
 * grading one by its rubric (it then leaves the queue, and the saved grade is confirmed).
 */
import { computed, ref, watch } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";

const ClassEssaysQuery = graphql(`
  query ClassEssays($id: ID!, $locale: Locale!, $offset: Int!, $limit: Int!, $quizId: ID) {
    classroom(id: $id) {
      id
      name
      pendingEssayCount(quizId: $quizId)
      pendingEssays(locale: $locale, offset: $offset, limit: $limit, quizId: $quizId) {
        ...PendingEssayFields
      }
    }
  }
`);

const GradeEssayMutation = graphql(`
  mutation GradeEssay($input: GradeEssayInput!) {
    gradeEssay(input: $input) {
      id
      status
      score
      maxScore
    }
  }
`);

export interface EssayGrade {
  responseId: string;
  comment: string;
  criteria: { criterionId: string; score: number; comment: string }[];
}

export const ESSAY_PAGE = 20;

export function useEssayQueue(classroomId: Ref<string>) {
  const offset = ref(0);
  /** "" for every quiz. */
  const quizId = ref("");
  watch(quizId, () => (offset.value = 0));
  const query = useQuery({
    query: ClassEssaysQuery,
    variables: computed(() => ({ id: classroomId.value, locale: gqlLocale.value, offset: offset.value, limit: ESSAY_PAGE, quizId: quizId.value || null })),
    requestPolicy: "network-only",
  });
  const grade = useMutation(GradeEssayMutation);
  /** Graded here: hidden at once, before the refetched queue arrives. */
  const graded = ref(new Set<string>());
  const gradingId = ref<string | null>(null);
  /** The grade the server confirmed last (its total as stored). */
  const lastSaved = ref<{ responseId: string; score: number; maxScore: number } | null>(null);

  async function submitGrade(g: EssayGrade): Promise<AppErrorInfo | null> {
    gradingId.value = g.responseId;
    const criteria = g.criteria.map((c) => ({ criterionId: c.criterionId, score: c.score, comment: c.comment.trim() || null }));
    const r = await grade.executeMutation({ input: { responseId: g.responseId, criteria, comment: g.comment.trim() || null } });
    gradingId.value = null;
    if (!r.data) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
    lastSaved.value = { responseId: g.responseId, score: r.data.gradeEssay.score ?? 0, maxScore: r.data.gradeEssay.maxScore };
    graded.value = new Set(graded.value).add(g.responseId);
    void query.executeQuery({ requestPolicy: "network-only" });
    return null;
  }

  return {
    className: computed(() => query.data.value?.classroom?.name ?? ""),
    essays: computed(() => (query.data.value?.classroom?.pendingEssays ?? []).filter((e) => !graded.value.has(e.responseId))),
    loaded: computed(() => !!query.data.value),
    fetching: query.fetching,
    error: query.error,
    submitGrade,
    gradingId,
    lastSaved,
    offset,
    quizId,
    total: computed(() => query.data.value?.classroom?.pendingEssayCount ?? 0),
  };
}
