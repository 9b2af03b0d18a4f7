/**
 * One class's dashboard: the roster × lesson matrix (a page at a time), class averages, mastery per objective,
 * who needs help, the essays waiting and recent activity, kept current by the classroomActivity
 * subscription. Each event is prepended to the activity list and refetches (network-only) only the parts it
 * can change, coalesced so a learner answering ten questions in a row costs one refetch, not ten.
 */
import { computed, onBeforeUnmount, ref, watch } from "vue";
import type { Ref } from "vue";
import { useMutation, useQuery, useSubscription } from "@urql/vue";
import { graphql } from "../gql/index.js";
import type { ActivityType, ClassroomActivityFieldsFragment, RosterSort } from "../gql/graphql.js";
import { errorInfo } from "../errors.js";
import type { AppErrorInfo } from "../errors.js";
import { gqlLocale } from "../locale.js";
import { liveReconnects, liveStatus, urqlClient } from "../urql.js";
import { RegenerateJoinCodeMutation } from "./useClassrooms.js";

export const ROSTER_PAGE = 25;
/** Below this mean best score a learner is listed as needing help; the list says so in words. */
export const NEEDS_HELP_THRESHOLD = 0.6;
const ACTIVITY_KEEP = 40;

const ClassSummaryQuery = graphql(`
  query ClassSummary($id: ID!) {
    classroom(id: $id) {
      ...ClassroomCardFields
      lessonAverages {
        ...LessonAverageFields
      }
    }
  }
`);

const ClassMatrixQuery = graphql(`
  query ClassMatrix($id: ID!, $offset: Int!, $limit: Int!, $search: String!, $sort: RosterSort!) {
    classroom(id: $id) {
      id
      found: learnerCount(search: $search)
      progress(offset: $offset, limit: $limit, search: $search, sort: $sort) {
        ...ClassroomProgressRowFields
      }
    }
  }
`);

const ClassInsightsQuery = graphql(`
  query ClassInsights($id: ID!, $threshold: Float!) {
    classroom(id: $id) {
      id
      mastery {
        ...ObjectiveSummaryFields
      }
      needsHelp(threshold: $threshold, limit: 20) {
        ...NeedsHelpFields
      }
      pendingEssays(limit: 50) {
        responseId
      }
    }
  }
`);

const ClassActivityQuery = graphql(`
  query ClassActivity($id: ID!) {
    classroom(id: $id) {
      id
      recentActivity(limit: 20) {
        ...ClassroomActivityFields
      }
    }
  }
`);

const ClassActivitySubscription = graphql(`
  subscription ClassActivityFeed($id: ID!) {
    classroomActivity(classroomId: $id) {
      ...ClassroomActivityFields
    }
  }
`);

const RemoveLearnerMutation = graphql(`
  mutation RemoveLearner($classroomId: ID!, $learnerId: ID!) {
    removeLearner(classroomId: $classroomId, learnerId: $learnerId)
  }
`);

const RenameClassroomMutation = graphql(`
  mutation RenameClassroom($id: ID!, $name: String!) {
    renameClassroom(classroomId: $id, name: $name) {
      id
      name
    }
  }
`);

const GradebookQuery = graphql(`
  query Gradebook($id: ID!, $locale: Locale!) {
    classroom(id: $id) {
      id
      name
      gradebookCsv(locale: $locale)
    }
  }
`);

type Part = "summary" | "matrix" | "insights";
const EVERYTHING: Part[] = ["summary", "matrix", "insights"];

/** What each kind of event can change on the dashboard (the activity list itself is always prepended). */
export const AFFECTED: Record<ActivityType, Part[]> = {
  ATTEMPT_STARTED: [],
  ANSWER_SUBMITTED: ["insights"],
  ATTEMPT_FINISHED: EVERYTHING,
  ESSAY_GRADED: EVERYTHING,
  LESSON_PROGRESS: EVERYTHING,
  LEARNER_JOINED: EVERYTHING,
  LEARNER_REMOVED: EVERYTHING,
};

export const activityKey = (a: ClassroomActivityFieldsFragment) => [a.type, a.learnerId, a.attemptId ?? "", a.itemId ?? "", a.at].join("|");

export function useClassDashboard(classroomId: Ref<string>) {
  const id = computed(() => classroomId.value);
  const offset = ref(0);
  // The roster's search (typed: sent after 300 ms of quiet) and order; either starts again at the first page.
  const search = ref("");
  const sort = ref<RosterSort>("NAME");
  const searched = ref("");
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  watch(search, (text) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      searched.value = text.trim();
      offset.value = 0;
    }, 300);
  });
  watch(sort, () => (offset.value = 0));
  onBeforeUnmount(() => clearTimeout(searchTimer));

  const summary = useQuery({ query: ClassSummaryQuery, variables: computed(() => ({ id: id.value })) });
  const matrix = useQuery({ query: ClassMatrixQuery, variables: computed(() => ({ id: id.value, offset: offset.value, limit: ROSTER_PAGE, search: searched.value, sort: sort.value })) });
  const insights = useQuery({ query: ClassInsightsQuery, variables: computed(() => ({ id: id.value, threshold: NEEDS_HELP_THRESHOLD })) });
  const activityQuery = useQuery({ query: ClassActivityQuery, variables: computed(() => ({ id: id.value })), requestPolicy: "network-only" });

  const queries = { summary, matrix, insights };
  const refetch = (parts: Iterable<Part>) => Promise.all([...parts].map((p) => queries[p].executeQuery({ requestPolicy: "network-only" })));

  // Events arrive in bursts (an attempt is a dozen answers and a finish): refetch once per burst.
  const dirty = new Set<Part>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  function schedule(parts: Part[]) {
    for (const p of parts) dirty.add(p);
    if (dirty.size === 0 || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      const parts = [...dirty];
      dirty.clear();
      void refetch(parts);
    }, 250);
  }
  onBeforeUnmount(() => clearTimeout(timer));

  /** Events received live, newest first; the server's recent activity follows them. */
  const live = ref<ClassroomActivityFieldsFragment[]>([]);
  const lastEvent = ref<ClassroomActivityFieldsFragment | null>(null);
  const subscription = useSubscription(
    { query: ClassActivitySubscription, variables: computed(() => ({ id: id.value })) },
    (_prev: unknown, data) => {
      const event = data.classroomActivity;
      live.value = [event, ...live.value].slice(0, ACTIVITY_KEEP);
      lastEvent.value = event;
      schedule(AFFECTED[event.type] ?? EVERYTHING);
      return data;
    },
  );
  // After the socket was down, events may have been missed: read everything again.
  watch(liveReconnects, () => {
    void refetch(EVERYTHING);
    void activityQuery.executeQuery({ requestPolicy: "network-only" });
  });

  const activity = computed(() => {
    const seen = new Set<string>();
    const all = [...live.value, ...(activityQuery.data.value?.classroom?.recentActivity ?? [])];
    return all.filter((a) => !seen.has(activityKey(a)) && !!seen.add(activityKey(a))).slice(0, ACTIVITY_KEEP);
  });

  const remove = useMutation(RemoveLearnerMutation);
  async function removeLearner(learnerId: string): Promise<AppErrorInfo | null> {
    const r = await remove.executeMutation({ classroomId: id.value, learnerId });
    if (!r.data) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
    const count = matrix.data.value?.classroom?.found ?? 1;
    // The last learner of the last page gone: show the page before it.
    if (offset.value > 0 && offset.value >= count - 1) offset.value = Math.max(0, offset.value - ROSTER_PAGE);
    await refetch(EVERYTHING);
    return null;
  }

  const renaming = useMutation(RenameClassroomMutation);
  /** A new name for the class; the summary is read again so every view shows it. */
  async function rename(name: string): Promise<AppErrorInfo | null> {
    const r = await renaming.executeMutation({ id: id.value, name });
    if (!r.data) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
    await refetch(["summary"]);
    return null;
  }

  const regenerate = useMutation(RegenerateJoinCodeMutation);
  async function regenerateCode(): Promise<AppErrorInfo | null> {
    const r = await regenerate.executeMutation({ id: id.value });
    return r.data ? null : (errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" });
  }

  const exporting = ref(false);
  /** Downloads the gradebook as a .csv file (the server's string already starts with a UTF-8 BOM). */
  async function exportGradebook(): Promise<AppErrorInfo | null> {
    exporting.value = true;
    try {
      const r = await urqlClient.query(GradebookQuery, { id: id.value, locale: gqlLocale.value }, { requestPolicy: "network-only" }).toPromise();
      const room = r.data?.classroom;
      if (!room) return errorInfo(r.error) ?? { code: "unknown", key: "errors.unknown" };
      const blob = new Blob([room.gradebookCsv], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = gradebookFileName(room.name, new Date());
      document.body.append(a);
      a.click();
      a.remove();
      // The download has started from the object URL; it can go once the click has been handled.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return null;
    } finally {
      exporting.value = false;
    }
  }

  const room = computed(() => summary.data.value?.classroom ?? null);
  return {
    room,
    loaded: computed(() => !!summary.data.value),
    fetching: summary.fetching,
    error: summary.error,
    lessonAverages: computed(() => room.value?.lessonAverages ?? []),
    offset,
    rows: computed(() => matrix.data.value?.classroom?.progress ?? []),
    learnerCount: computed(() => room.value?.learnerCount ?? 0),
    /** Learners the roster's search finds (the whole class without one): the matrix pages through them. */
    found: computed(() => matrix.data.value?.classroom?.found ?? room.value?.learnerCount ?? 0),
    search,
    sort,
    searching: computed(() => searched.value !== ""),
    matrixFetching: matrix.fetching,
    mastery: computed(() => insights.data.value?.classroom?.mastery ?? []),
    needsHelp: computed(() => insights.data.value?.classroom?.needsHelp ?? []),
    pendingEssays: computed(() => insights.data.value?.classroom?.pendingEssays.length ?? 0),
    insightsLoaded: computed(() => !!insights.data.value),
    activity,
    lastEvent,
    liveStatus,
    liveError: subscription.error,
    removeLearner,
    removing: remove.fetching,
    regenerateCode,
    rename,
    renameBusy: renaming.fetching,
    exportGradebook,
    exporting,
  };
}

/** "Class 3B-gradebook-2025-03-01.csv": the class's name, kept readable, without characters files refuse. */
export function gradebookFileName(name: string, date: Date): string {
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 0x20).join("");
  const safe = printable.replace(/[\\/:*?"<>|]+/g, " ").trim().replace(/\s+/g, "-").slice(0, 60) || "class";
  return `${safe}-gradebook-${date.toISOString().slice(0, 10)}.csv`;
}
