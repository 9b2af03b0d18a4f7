/**
 * Starting a live session (issue 17): one quiz's practice items (all, or those chosen), shuffled or not, with
 * guests and the leaderboard on or off, for one class. The quizzes come from the course outline; a quiz's
 * practice items (the ones a session may run) from livePracticeItems, which only the class's instructors may ask.
 */
import { computed } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery } from "@urql/vue";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { useCourseOutline } from "./useCourseOutline.js";

export interface StartLiveSessionInput {
  classroomId: string;
  quizId: string;
  itemIds?: string[] | null;
  shuffle: boolean;
  allowGuests: boolean;
  leaderboard: boolean;
}

const StartLiveSessionMutation = `
  mutation StartLiveSession($input: StartLiveSessionInput!) {
    startLiveSession(input: $input) {
      id
      code
    }
  }
`;

/** A practice-pool item the start page lists (the public quiz query does not say which items are practice). */
export interface LivePracticeItem {
  id: string;
  type: string;
  promptAr: string;
  promptEn: string;
}

const LivePracticeItemsQuery = `
  query LivePracticeItems($classroomId: ID!, $quizId: String!) {
    livePracticeItems(classroomId: $classroomId, quizId: $quizId) {
      id
      type
      promptAr
      promptEn
    }
  }
`;

export function useLiveStart(classroomId: Ref<string>, quizId: Ref<string>) {
  const { lessons, fetching } = useCourseOutline();
  const pool = useQuery<{ livePracticeItems: LivePracticeItem[] }>({
    query: LivePracticeItemsQuery,
    variables: computed(() => ({ classroomId: classroomId.value, quizId: quizId.value })),
    pause: computed(() => quizId.value === ""),
  });
  const items = computed(() => (quizId.value === "" ? [] : (pool.data.value?.livePracticeItems ?? [])));
  const itemsError = computed(() => errorInfo(pool.error.value));
  const starting = useMutation<{ startLiveSession: { id: string; code: string } }>(StartLiveSessionMutation);
  async function start(input: StartLiveSessionInput): Promise<{ id: string } | { error: AppErrorInfo }> {
    const r = await starting.executeMutation({ input });
    if (r.data?.startLiveSession) return { id: r.data.startLiveSession.id };
    return { error: errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" } };
  }
  return { lessons, fetching, items, itemsFetching: pool.fetching, itemsError, start, starting: starting.fetching };
}
