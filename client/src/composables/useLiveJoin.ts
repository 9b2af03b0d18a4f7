/**
 * Joining a live session from a phone (issue 17): the code says which session (anyone may ask, to show the
 * join page), then a signed-in class member joins as themselves and a guest with a nickname (the server then
 * sets the guest's participant cookie). Operations as in useLiveSession.ts: strings until codegen knows them.
 */
import { ref } from "vue";
import { useClientHandle, useMutation } from "@urql/vue";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";
import type { LivePhase } from "./useLiveSession.js";

export interface LiveJoinInfo {
  sessionId: string;
  quizTitle: string;
  allowGuests: boolean;
  phase: LivePhase;
}
export interface LiveParticipant {
  id: string;
  sessionId: string;
  nickname: string;
  guest: boolean;
}

const LiveSessionByCodeQuery = `
  query LiveSessionByCode($code: String!, $locale: Locale) {
    liveSessionByCode(code: $code, locale: $locale) {
      sessionId
      quizTitle
      allowGuests
      phase
    }
  }
`;

const JoinLiveSessionMutation = `
  mutation JoinLiveSession($code: String!, $nickname: String) {
    joinLiveSession(code: $code, nickname: $nickname) {
      id
      sessionId
      nickname
      guest
    }
  }
`;

const unknownError: AppErrorInfo = { code: "unknown", key: "errors.unknown" };

export function useLiveJoin() {
  const { client } = useClientHandle();
  const looking = ref(false);
  /** The session a code opens, or why not. */
  async function lookUp(code: string): Promise<{ info: LiveJoinInfo } | { error: AppErrorInfo }> {
    looking.value = true;
    try {
      const r = await client.query<{ liveSessionByCode: LiveJoinInfo }>(LiveSessionByCodeQuery, { code, locale: gqlLocale.value }, { requestPolicy: "network-only" }).toPromise();
      if (r.data?.liveSessionByCode) return { info: r.data.liveSessionByCode };
      return { error: errorInfo(r.error) ?? unknownError };
    } finally {
      looking.value = false;
    }
  }

  const joining = useMutation<{ joinLiveSession: LiveParticipant }>(JoinLiveSessionMutation);
  /**
   * Joins; on a refusal also the server's own code (`live/nickname-required` tells a signed-in visitor who is not
   * in the class that they join as a guest, with a nickname).
   */
  async function join(code: string, nickname: string | null): Promise<{ participant: LiveParticipant } | { error: AppErrorInfo; code: string | null }> {
    const r = await joining.executeMutation({ code, nickname });
    if (r.data?.joinLiveSession) return { participant: r.data.joinLiveSession };
    const raw = r.error?.graphQLErrors[0]?.extensions?.code;
    return { error: errorInfo(r.error) ?? unknownError, code: typeof raw === "string" ? raw : null };
  }

  return { lookUp, looking, join, joining: joining.fetching };
}
