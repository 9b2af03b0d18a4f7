/**
 * One lazily loaded page per route, so the first load carries only the shell. Lessons and the course are
 * public; quizzes, progress and review need a session. /teach is for instructors and admins (the server
 * checks again on every field); anyone else is sent to the course home with a message.
 */
import { createRouter, createWebHistory } from "vue-router";
import type { RouteRecordRaw } from "vue-router";
import { loadViewer, useAuth } from "./composables/useAuth.js";
import { useNotice } from "./composables/useNotice.js";
import type { Role } from "./gql/graphql.js";
import type { MessageArea } from "./i18n/areas.js";

declare module "vue-router" {
  interface RouteMeta {
    auth?: boolean;
    guestOnly?: boolean;
    /** Roles allowed (implies auth); others are redirected with `deniedNotice`. */
    roles?: Role[];
    deniedNotice?: string;
    /** The string areas (i18n/areas.ts) the page shows beyond the core ones: loaded before it renders. */
    messages?: MessageArea[];
  }
}

const TEACH = { auth: true, roles: ["INSTRUCTOR", "ADMIN"] as Role[], deniedNotice: "teach.onlyInstructors", messages: ["teach"] as MessageArea[] };
const TEACH_LIVE = { ...TEACH, messages: ["teach", "live"] as MessageArea[] };
const LIVE: MessageArea[] = ["live"];
const TOOLS: MessageArea[] = ["tools"];

export const routes: RouteRecordRaw[] = [
  { path: "/", name: "home", component: () => import("./pages/learner/CourseHomePage.vue") },
  { path: "/signin", name: "signin", component: () => import("./pages/learner/SignInPage.vue"), meta: { guestOnly: true } },
  { path: "/signup", name: "signup", component: () => import("./pages/learner/SignUpPage.vue"), meta: { guestOnly: true } },
  { path: "/search", name: "search", component: () => import("./pages/learner/SearchPage.vue") },
  { path: "/actors", name: "actors", component: () => import("./pages/learner/ActorMapPage.vue") },
  { path: "/notes", name: "notes", component: () => import("./pages/learner/NotesPage.vue"), meta: { auth: true } },
  { path: "/timeline", name: "timeline", component: () => import("./pages/learner/TimelinePage.vue"), meta: { messages: TOOLS } },
  { path: "/lessons/:slug", name: "lesson", component: () => import("./pages/learner/LessonPage.vue"), props: true },
  { path: "/quizzes/:quizId", name: "quiz", component: () => import("./pages/learner/QuizPage.vue"), props: true, meta: { auth: true } },
  { path: "/attempts/:attemptId", name: "attempt", component: () => import("./pages/learner/AttemptPage.vue"), props: true, meta: { auth: true, messages: ["quizTools"] } },
  { path: "/progress", name: "progress", component: () => import("./pages/learner/ProgressPage.vue"), meta: { auth: true } },
  { path: "/review", name: "review", component: () => import("./pages/learner/ReviewPage.vue"), meta: { auth: true } },
  { path: "/join", name: "join", component: () => import("./pages/learner/JoinClassPage.vue"), meta: { auth: true, roles: ["LEARNER"], deniedNotice: "join.onlyLearners" } },
  { path: "/teach", name: "teach", component: () => import("./pages/instructor/ClassesPage.vue"), meta: TEACH },
  { path: "/teach/classes/:classroomId", name: "teach-class", component: () => import("./pages/instructor/ClassDashboardPage.vue"), props: true, meta: TEACH_LIVE },
  {
    path: "/teach/classes/:classroomId/learners/:learnerId",
    name: "teach-learner",
    component: () => import("./pages/instructor/ClassLearnerPage.vue"),
    props: true,
    meta: TEACH,
  },
  { path: "/teach/classes/:classroomId/items", name: "teach-items", component: () => import("./pages/instructor/ClassItemStatsPage.vue"), props: true, meta: TEACH },
  { path: "/teach/classes/:classroomId/essays", name: "teach-essays", component: () => import("./pages/instructor/ClassEssaysPage.vue"), props: true, meta: TEACH },
  // Live class mode (issue 17): the instructor's start page, console, projector and report; the phone's join and play pages (guests too).
  {
    path: "/teach/classes/:classroomId/live/new",
    alias: "/classes/:classroomId/live/new",
    name: "live-start",
    component: () => import("./pages/live/LiveStartPage.vue"),
    props: true,
    meta: TEACH_LIVE,
  },
  { path: "/live/:sessionId/console", name: "live-console", component: () => import("./pages/live/LiveConsolePage.vue"), props: true, meta: TEACH_LIVE },
  { path: "/live/:sessionId/projector", name: "live-projector", component: () => import("./pages/live/LiveProjectorPage.vue"), props: true, meta: TEACH_LIVE },
  { path: "/live/:sessionId/report", name: "live-report", component: () => import("./pages/live/LiveReportPage.vue"), props: true, meta: TEACH_LIVE },
  { path: "/live/:sessionId/play", name: "live-play", component: () => import("./pages/live/LivePlayPage.vue"), props: true, meta: { messages: LIVE } },
  { path: "/live/:code?", name: "live-join", component: () => import("./pages/live/LiveJoinPage.vue"), props: true, meta: { messages: LIVE } },
  { path: "/teach/classes/:classroomId/manage", name: "teach-manage", component: () => import("./pages/instructor/ClassSettingsPage.vue"), props: true, meta: TEACH },
  { path: "/teach/invite/:token", name: "teach-invite", component: () => import("./pages/instructor/AcceptInvitePage.vue"), props: true, meta: TEACH },
  { path: "/:pathMatch(.*)*", name: "not-found", component: () => import("./pages/learner/NotFoundPage.vue") },
];

/** Loads string areas (main.ts: app-i18n's loadMessageAreas in the current language). */
export type LoadMessages = (areas: MessageArea[]) => Promise<void>;

export function createAppRouter(loadMessages: LoadMessages = () => Promise.resolve()) {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    // A lesson scrolls to its paragraph itself once the text has loaded; every other page starts at the top.
    scrollBehavior: (to, _from, saved) => saved ?? (to.hash ? false : { top: 0 }),
  });
  router.beforeEach(async (to) => {
    await loadViewer();
    const { viewer } = useAuth();
    if (to.meta.auth && !viewer.value) return { name: "signin", query: { next: to.fullPath } };
    if (to.meta.guestOnly && viewer.value) return { name: "home" };
    if (to.meta.roles && viewer.value && !to.meta.roles.includes(viewer.value.role)) {
      useNotice().flash(to.meta.deniedNotice ?? "errors.FORBIDDEN");
      return { name: viewer.value.role === "LEARNER" ? "home" : "teach" };
    }
    // The page's strings before the page: no key may render raw while its area loads.
    const areas = [...new Set(to.matched.flatMap((r) => r.meta.messages ?? []))];
    if (areas.length > 0) await loadMessages(areas);
    return true;
  });
  // A redirect to the page already open is a "duplicated" navigation: the notice then shows where the user is.
  router.afterEach((to, from, failure) => useNotice().navigated(failure ? from.path : to.path));
  return router;
}
