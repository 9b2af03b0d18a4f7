/**
 * One lazily loaded page per route, so the first load carries only the shell. Lessons and the course are
 * public; quizzes, progress and review need a session.
 */
import { createRouter, createWebHistory } from "vue-router";
import type { RouteRecordRaw } from "vue-router";
import { loadViewer, useAuth } from "./composables/useAuth.js";

declare module "vue-router" {
  interface RouteMeta {
    auth?: boolean;
    guestOnly?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  { path: "/", name: "home", component: () => import("./pages/learner/CourseHomePage.vue") },
  { path: "/signin", name: "signin", component: () => import("./pages/learner/SignInPage.vue"), meta: { guestOnly: true } },
  { path: "/signup", name: "signup", component: () => import("./pages/learner/SignUpPage.vue"), meta: { guestOnly: true } },
  { path: "/lessons/:slug", name: "lesson", component: () => import("./pages/learner/LessonPage.vue"), props: true },
  { path: "/quizzes/:quizId", name: "quiz", component: () => import("./pages/learner/QuizPage.vue"), props: true, meta: { auth: true } },
  { path: "/attempts/:attemptId", name: "attempt", component: () => import("./pages/learner/AttemptPage.vue"), props: true, meta: { auth: true } },
  { path: "/progress", name: "progress", component: () => import("./pages/learner/ProgressPage.vue"), meta: { auth: true } },
  { path: "/review", name: "review", component: () => import("./pages/learner/ReviewPage.vue"), meta: { auth: true } },
  { path: "/:pathMatch(.*)*", name: "not-found", component: () => import("./pages/learner/NotFoundPage.vue") },
];

export function createAppRouter() {
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
    return true;
  });
  return router;
}
