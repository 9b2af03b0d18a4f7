/**
 * Starting a live session (issue 17): one quiz's practice items (all, or those chosen), shuffled or not, with
 * guests and the leaderboard on or off, for one class. The quizzes come from the course outline.
 */
import { useMutation } from "@urql/vue";
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

export function useLiveStart() {
  const { lessons, fetching } = useCourseOutline();
  const starting = useMutation<{ startLiveSession: { id: string; code: string } }>(StartLiveSessionMutation);
  async function start(input: StartLiveSessionInput): Promise<{ id: string } | { error: AppErrorInfo }> {
    const r = await starting.executeMutation({ input });
    if (r.data?.startLiveSession) return { id: r.data.startLiveSession.id };
    return { error: errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" } };
  }
  return { lessons, fetching, start, starting: starting.fetching };
}
