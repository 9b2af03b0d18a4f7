/** The essays of a class waiting for a grade, oldest first, and grading one (it then leaves the queue). */
import { computed, ref } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { graphql } from "../gql/index.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";

const ClassEssaysQuery = graphql(`
  query ClassEssays($id: ID!, $locale: Locale!) {
    classroom(id: $id) {
      id
      name
      pendingEssays(locale: $locale, limit: 50) {
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
  score: number;
  comment: string;
}

export function useEssayQueue(classroomId: Ref<string>) {
  const query = useQuery({
    query: ClassEssaysQuery,
    variables: computed(() => ({ id: classroomId.value, locale: gqlLocale.value })),
    requestPolicy: "network-only",
  });
  const grade = useMutation(GradeEssayMutation);
  /** Graded here: hidden at once, before the refetched queue arrives. */
  const graded = ref(new Set<string>());
  const gradingId = ref<string | null>(null);

  async function submitGrade(g: EssayGrade): Promise<AppErrorInfo | null> {
    gradingId.value = g.responseId;
    const r = await grade.executeMutation({ input: { responseId: g.responseId, score: g.score, comment: g.comment.trim() || null } });
    gradingId.value = null;
    if (!r.data) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
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
  };
}
