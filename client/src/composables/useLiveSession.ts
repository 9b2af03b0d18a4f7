/**
 * One live session (issue 17) as the console, the projector and a phone see it: the state the server sends on
 * subscribe and at every change (the first message is the whole state, so a reconnecting phone or a reloaded
 * projector resumes), the clock skew that the timer corrects, the instructor's controls and a participant's
 * answer (sent with a client id, so a retry never counts twice).
 *
 * The operations follow /work/wt/LIVE-CONTRACT.md. They are plain strings with hand-written types, not
 * graphql() calls, until the server's schema has the live types: codegen validates every graphql() document
 * against server/schema.graphql. Once it does, they can move to graphql() and the generated types.
 */
import { computed, onBeforeUnmount, ref, watch } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery, useSubscription } from "@urql/vue";
import type { QuizItemFieldsFragment } from "../gql/graphql.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";
import { newId } from "../offline/outbox.js";
import type { AnswerDraft } from "../quiz/answer-shapes.js";
import { liveReconnects, liveStatus } from "../urql.js";

export type LivePhase = "LOBBY" | "QUESTION" | "OPEN" | "LOCKED" | "DISTRIBUTION" | "REVEALED" | "ENDED";
export type LiveAction = "SHOW_NEXT" | "START_TIMER" | "LOCK" | "SHOW_DISTRIBUTION" | "REVEAL" | "END";

export interface LiveDistributionRow {
  key: string;
  /** The registry's label: the option's text for choices, the typed answer for SHORT_ANSWER; null where none. */
  label?: string | null;
  count: number;
  /** Null until REVEALED. */
  correct: boolean | null;
}
export interface LiveDistribution {
  rows: LiveDistributionRow[];
  answered: number;
  /** ESSAY items: the texts, anonymous. */
  essays: string[] | null;
}
export interface LiveEvidence {
  lessonSlug: string;
  paragraphId: string;
  text: string;
}
/** An answer in the item's public option ids (the Answer type: ItemResponse.rightAnswer's). */
export interface LiveAnswer {
  choiceIds?: string[] | null;
  text?: string | null;
  sequence?: string[] | null;
  pairs?: { leftId: string; rightId: string }[] | null;
}
export interface LiveReveal {
  /** Null for an essay. */
  rightAnswer: LiveAnswer | null;
  explanation: string;
  evidence: LiveEvidence[];
}
export interface LiveMyAnswer {
  submitted: boolean;
  correct: boolean | null;
  score: number | null;
}
export interface LiveSessionState {
  id: string;
  code: string;
  classroomId: string;
  quizId: string;
  phase: LivePhase;
  itemIndex: number;
  itemCount: number;
  item: QuizItemFieldsFragment | null;
  closesAt: string | null;
  serverNow: string;
  answeredCount: number;
  participantCount: number;
  distribution: LiveDistribution | null;
  reveal: LiveReveal | null;
  leaderboard: { nickname: string; points: number }[] | null;
  leaderboardOn: boolean;
  allowGuests: boolean;
  myAnswer: LiveMyAnswer | null;
}
export interface LiveReportAnswer {
  learnerId: string;
  learnerName: string;
  learnerDisambiguator: string | null;
  answer: string;
  score: number | null;
  secondsToAnswer: number;
}
export interface LiveReportItem {
  itemId: string;
  prompt: string;
  facility: number | null;
  medianSecondsToAnswer: number | null;
  answered: number;
  distribution: LiveDistributionRow[];
  answers: LiveReportAnswer[];
}
export interface LiveSessionReport {
  session: LiveSessionState;
  items: LiveReportItem[];
}
export interface LiveSessionSummary {
  id: string;
  code: string;
  quizId: string;
  startedAt: string;
  endedAt: string | null;
  participantCount: number;
}

/** The item as the quiz's inputs take it (the fields of QuizItemFields). */
export const LIVE_ITEM_FIELDS = `
  fragment LiveItemFields on QuizItem {
    id
    type
    prompt
    points
    objectiveIds
    choices {
      id
      text
    }
    targets {
      id
      text
    }
    rubric {
      id
      criterion
      points
    }
  }
`;

export const LIVE_SESSION_FIELDS = `
  fragment LiveSessionFields on LiveSession {
    id
    code
    classroomId
    quizId
    phase
    itemIndex
    itemCount
    item {
      ...LiveItemFields
    }
    closesAt
    serverNow
    answeredCount
    participantCount
    distribution {
      rows {
        key
        label
        count
        correct
      }
      answered
      essays
    }
    reveal {
      rightAnswer {
        choiceIds
        text
        sequence
        pairs {
          leftId
          rightId
        }
      }
      explanation
      evidence {
        lessonSlug
        paragraphId
        text
      }
    }
    leaderboard {
      nickname
      points
    }
    leaderboardOn
    allowGuests
    myAnswer {
      submitted
      correct
      score
    }
  }
${LIVE_ITEM_FIELDS}`;

const LiveSessionQuery = `
  query LiveSession($id: ID!, $locale: Locale) {
    liveSession(id: $id, locale: $locale) {
      ...LiveSessionFields
    }
  }
${LIVE_SESSION_FIELDS}`;

const LiveSessionSubscription = `
  subscription LiveSessionFeed($id: ID!, $locale: Locale) {
    liveSession(id: $id, locale: $locale) {
      ...LiveSessionFields
    }
  }
${LIVE_SESSION_FIELDS}`;

// The controls' results are read again through the query (in the page's language) if the feed is slow.
const LiveControlMutation = `
  mutation LiveControl($sessionId: ID!, $action: LiveAction!, $seconds: Int) {
    liveControl(sessionId: $sessionId, action: $action, seconds: $seconds) {
      id
      phase
      itemIndex
      serverNow
    }
  }
`;

const SetLiveLeaderboardMutation = `
  mutation SetLiveLeaderboard($sessionId: ID!, $on: Boolean!) {
    setLiveLeaderboard(sessionId: $sessionId, on: $on) {
      id
      leaderboardOn
      serverNow
    }
  }
`;

const SubmitLiveAnswerMutation = `
  mutation SubmitLiveAnswer($sessionId: ID!, $itemId: String!, $clientAnswerId: String!, $answer: AnswerInput!) {
    submitLiveAnswer(sessionId: $sessionId, itemId: $itemId, clientAnswerId: $clientAnswerId, answer: $answer) {
      submitted
      correct
      score
    }
  }
`;

type SessionData = { liveSession: LiveSessionState };
type SessionVars = { id: string; locale: "AR" | "EN" };

const unknownError: AppErrorInfo = { code: "unknown", key: "errors.unknown" };

/**
 * How far the server's clock is ahead of this device's (ms), from a state the server produced at `serverNow`
 * and this device received at `receivedAt` (Date.now()). The transit time is unknown and small; ignoring it
 * makes the timer end a little late on the phone, never before the server refuses answers.
 */
export function clockSkew(serverNow: string, receivedAt: number): number {
  const server = Date.parse(serverNow);
  return Number.isFinite(server) ? server - receivedAt : 0;
}

/** Whole seconds left until `closesAt` on the server's clock (rounded up, never below 0); null without a timer. */
export function secondsLeft(closesAt: string | null | undefined, skewMs: number, now: number): number | null {
  if (!closesAt) return null;
  const end = Date.parse(closesAt);
  if (!Number.isFinite(end)) return null;
  return Math.max(0, Math.ceil((end - (now + skewMs)) / 1000));
}

/** Whether `next` is at least as new as `current` (by the server's clock when each was produced). */
export function newer(current: LiveSessionState | null, next: LiveSessionState): boolean {
  if (!current || current.id !== next.id) return true;
  return Date.parse(next.serverNow) >= Date.parse(current.serverNow);
}

export function useLiveSession(sessionId: Ref<string>) {
  const variables = computed<SessionVars>(() => ({ id: sessionId.value, locale: gqlLocale.value }));
  const state = ref<LiveSessionState | null>(null);
  /** How far the server's clock is ahead of this device's, from the newest state received. */
  const skew = ref(0);

  function accept(next: LiveSessionState | null | undefined) {
    if (!next || !newer(state.value, next)) return;
    // Localized texts (the item, the reveal) follow the language: a state in the page's language replaces one in another.
    state.value = next;
    skew.value = clockSkew(next.serverNow, Date.now());
  }

  // The state as it is now (network-only: a cached state carries an old serverNow); the feed then keeps it current.
  const query = useQuery<SessionData, SessionVars>({ query: LiveSessionQuery, variables, requestPolicy: "network-only" });
  watch(() => query.data.value?.liveSession, accept, { immediate: true });

  const feed = useSubscription<SessionData, SessionData, SessionVars>({ query: LiveSessionSubscription, variables }, (_prev, data) => {
    accept(data.liveSession);
    return data;
  });
  // A new language: read the texts again in it (the subscription restarts with the new variables by itself).
  watch(gqlLocale, () => (state.value = null));
  // After the socket was down the feed resumes with the whole state; the query makes sure of it.
  watch(liveReconnects, () => void query.executeQuery({ requestPolicy: "network-only" }));

  // The timer ticks only while one runs.
  const now = ref(Date.now());
  let ticker: ReturnType<typeof setInterval> | undefined;
  watch(
    () => state.value?.closesAt ?? null,
    (closesAt) => {
      clearInterval(ticker);
      ticker = undefined;
      now.value = Date.now();
      if (closesAt) ticker = setInterval(() => (now.value = Date.now()), 250);
    },
    { immediate: true },
  );
  onBeforeUnmount(() => clearInterval(ticker));
  const left = computed(() => (state.value?.phase === "OPEN" ? secondsLeft(state.value.closesAt, skew.value, now.value) : null));

  const controlling = useMutation(LiveControlMutation);
  /** One of the instructor's steps; the state then arrives through the feed (and is read again to be sure). */
  async function control(action: LiveAction, seconds?: number): Promise<AppErrorInfo | null> {
    const r = await controlling.executeMutation({ sessionId: sessionId.value, action, seconds: seconds ?? null });
    if (!r.data) return errorInfo(r.error) ?? unknownError;
    void query.executeQuery({ requestPolicy: "network-only" });
    return null;
  }

  const leaderboarding = useMutation(SetLiveLeaderboardMutation);
  async function setLeaderboard(on: boolean): Promise<AppErrorInfo | null> {
    const r = await leaderboarding.executeMutation({ sessionId: sessionId.value, on });
    if (!r.data) return errorInfo(r.error) ?? unknownError;
    void query.executeQuery({ requestPolicy: "network-only" });
    return null;
  }

  // A participant's answer. The same answer re-sent after a failure keeps its client id (counted once).
  const submitting = useMutation<{ submitLiveAnswer: LiveMyAnswer }>(SubmitLiveAnswerMutation);
  /** What this phone sent for which item, acknowledged by the server (the state's myAnswer says so too after a reload). */
  const sent = ref<{ itemId: string; answer: LiveMyAnswer } | null>(null);
  let pending: { itemId: string; clientAnswerId: string; answer: string } | null = null;
  async function submit(itemId: string, answer: AnswerDraft): Promise<AppErrorInfo | null> {
    const body = JSON.stringify(answer);
    if (!pending || pending.itemId !== itemId || pending.answer !== body) pending = { itemId, clientAnswerId: newId(), answer: body };
    const r = await submitting.executeMutation({ sessionId: sessionId.value, itemId, clientAnswerId: pending.clientAnswerId, answer });
    if (!r.data) return errorInfo(r.error) ?? unknownError;
    pending = null;
    sent.value = { itemId, answer: r.data.submitLiveAnswer };
    return null;
  }
  /** This participant's answer to the current item: the server's word, or the acknowledgement just received. */
  const myAnswer = computed<LiveMyAnswer | null>(() => {
    const s = state.value;
    if (!s?.item) return null;
    if (s.myAnswer?.submitted) return s.myAnswer;
    return sent.value?.itemId === s.item.id ? sent.value.answer : (s.myAnswer ?? null);
  });

  const error = computed(() => (state.value ? null : (query.error.value ?? feed.error.value ?? null)));
  return {
    state,
    skew,
    secondsLeft: left,
    loaded: computed(() => !!state.value),
    fetching: query.fetching,
    error,
    errorInfo: computed(() => errorInfo(error.value)),
    feedError: feed.error,
    liveStatus,
    control,
    controlBusy: controlling.fetching,
    setLeaderboard,
    submit,
    submitting: submitting.fetching,
    myAnswer,
  };
}
