// @vitest-environment happy-dom
/**
 * Locale messages by area (issue 12, client/src/i18n/areas.ts): the shell shows only core strings, and every
 * route's page (with everything it imports) shows only keys that core and the areas its route declares
 * (`meta.messages`) hold, so no key renders raw. The router loads a route's areas before the page renders, and
 * a switch of language loads the areas asked for so far in the new language.
 */
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ref } from "vue";
import { MESSAGE_AREAS, pickMessages } from "../../client/src/i18n/areas.js";
import type { MessageArea } from "../../client/src/i18n/areas.js";
import { createBootI18n, loadLocaleMessages, loadMessageAreas } from "../../client/src/i18n/app-i18n.js";
import { messages } from "../../client/src/i18n/index.js";

const viewer = ref<{ role: string } | null>({ role: "INSTRUCTOR" });
vi.mock("../../client/src/composables/useAuth.js", () => ({ loadViewer: async () => {}, useAuth: () => ({ viewer }) }));
const { routes, createAppRouter } = await import("../../client/src/router.js");

const SRC = path.resolve(import.meta.dirname, "../../client/src");
const ROUTER = path.join(SRC, "router.ts");
const NAMESPACES = new Set(Object.keys(messages.ar));

type Tree = Record<string, unknown>;
const lookup = (o: Tree, key: string) => key.split(".").reduce<unknown>((acc, k) => (acc && typeof acc === "object" ? (acc as Tree)[k] : undefined), o);

/** The client files `file` imports (statically, and dynamically too unless `staticOnly`), recursively. */
function closure(file: string, staticOnly: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  const specs = [
    ...[...code.matchAll(/^\s*import (?!type )(?:[^"';]*? from )?"(\.{1,2}\/[^"]+)"/gm)].map((m) => m[1]),
    ...(staticOnly ? [] : [...code.matchAll(/import\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1])),
  ];
  for (const spec of specs) {
    let target = path.resolve(path.dirname(file), spec);
    if (target.endsWith(".js") && !existsSync(target)) target = target.replace(/\.js$/, ".ts");
    // The router's lazy pages are other routes; styles and JSON hold no key lookups.
    if (target === ROUTER || !/\.(ts|vue)$/.test(target) || !existsSync(target)) continue;
    closure(target, staticOnly, seen);
  }
  return seen;
}

/** The message keys a file names: literal keys, and `prefix.${…}` templates as their prefix. */
function keysIn(file: string): string[] {
  const code = readFileSync(file, "utf8");
  return [...code.matchAll(/["'`]([a-zA-Z]\w*(?:\.\w+)+)(?=["'`]|\.\$\{)/g)]
    .map((m) => m[1])
    .filter((k) => NAMESPACES.has(k.split(".")[0]) && lookup(messages.ar, k) !== undefined);
}

/** Keys of `files` that the given parts of the Arabic and English messages do not hold. */
function missing(files: Iterable<string>, areas: readonly MessageArea[]): string[] {
  const out: string[] = [];
  for (const locale of ["ar", "en"] as const) {
    const shown: Tree = {};
    for (const part of ["core" as const, ...areas]) Object.assign(shown, pickMessages(messages[locale], part));
    // Areas of one namespace add whole namespaces, so a shallow merge is enough besides core's CORE_KEYS.
    for (const ns of Object.keys(messages[locale])) if (areas.some((a) => (MESSAGE_AREAS[a] as readonly string[]).includes(ns))) shown[ns] = messages[locale][ns as keyof typeof messages.ar];
    for (const file of files) for (const key of keysIn(file)) if (lookup(shown, key) === undefined) out.push(`${locale} ${path.relative(SRC, file)}: ${key}`);
  }
  return [...new Set(out)];
}

const routeFiles = (() => {
  const text = readFileSync(ROUTER, "utf8");
  return new Map([...text.matchAll(/name: "([\w-]+)",\s*component: \(\) => import\("([^"]+)"\)/g)].map((m) => [m[1], path.resolve(SRC, m[2])]));
})();

describe("locale messages by area", () => {
  it("should give the shell (the entry and what it imports) only core strings", () => {
    const files = closure(path.join(SRC, "main.ts"), true);
    expect(files.size).toBeGreaterThan(10);
    expect(missing(files, [])).toEqual([]);
  });

  it("should find every route's page in the router", () => {
    expect(routeFiles.size).toBe(routes.length);
  });

  for (const route of routes) {
    it(`should hold every string of the ${String(route.name)} page in core and its areas (${(route.meta?.messages ?? []).join(", ") || "none"})`, () => {
      const page = routeFiles.get(String(route.name));
      expect(page, "its page").toBeDefined();
      expect(missing(closure(page!, false), route.meta?.messages ?? [])).toEqual([]);
    });
  }

  it("should notice a page whose route lacks its area", () => {
    // The check itself can fail: the class dashboard without the teach area shows raw keys.
    const dashboard = closure(routeFiles.get("teach-class")!, false);
    expect(missing(dashboard, ["live"]).length).toBeGreaterThan(10);
  });

  it("should keep the areas' strings out of core, and every key in exactly its parts", () => {
    for (const locale of ["ar", "en"] as const) {
      const core = pickMessages(messages[locale], "core");
      expect(Object.keys(core)).not.toContain("live");
      expect(Object.keys(core)).not.toContain("classTools");
      // Core keeps a few instructor strings that learner pages can show (CORE_KEYS), not the instructor's pages.
      expect(JSON.stringify(core.teach).length).toBeLessThan(JSON.stringify(messages[locale].teach).length / 10);
      expect(pickMessages(messages[locale], "live")).toEqual({ live: messages[locale].live });
    }
  });
});

describe("loading areas", () => {
  it("should merge an area before its promise resolves, and load it in the new language at a switch", async () => {
    const i18n = createBootI18n();
    expect(i18n.global.te("teach.dashboard.learners")).toBe(false);
    expect(i18n.global.te("app.title")).toBe(true);
    await loadMessageAreas(i18n, ["teach"], "ar");
    expect(i18n.global.t("teach.dashboard.learners")).toBe(messages.ar.teach.dashboard.learners);
    expect(i18n.global.te("live.console.title")).toBe(false);
    // The reader switches to English on an instructor's page: core English and the teach area both load.
    await loadLocaleMessages(i18n, "en");
    i18n.global.locale.value = "en";
    expect(i18n.global.t("teach.dashboard.learners")).toBe(messages.en.teach.dashboard.learners);
    expect(i18n.global.t("app.title")).toBe(messages.en.app.title);
    expect(i18n.global.te("live.console.title", "en")).toBe(false);
    // Areas asked for in English are loaded in Arabic when the reader switches back.
    await loadMessageAreas(i18n, ["live"], "en");
    await loadLocaleMessages(i18n, "ar");
    expect(i18n.global.te("live.console.title", "ar")).toBe(true);
    // Every area loaded in both languages: every string, each once.
    await loadMessageAreas(i18n, ["tools", "quizTools"], "ar");
    await loadLocaleMessages(i18n, "en");
    expect(i18n.global.getLocaleMessage("ar")).toEqual(messages.ar);
    expect(i18n.global.getLocaleMessage("en")).toEqual(messages.en);
  });

  it("should not show a page before its areas have loaded", async () => {
    let release!: () => void;
    const asked: MessageArea[][] = [];
    const router = createAppRouter((areas) => {
      asked.push(areas);
      return new Promise<void>((resolve) => (release = resolve));
    });
    await router.push("/");
    expect(asked).toEqual([]);
    const navigation = router.push("/teach/classes/c1");
    await vi.waitFor(() => expect(asked).toEqual([["teach", "live"]]));
    expect(router.currentRoute.value.name).toBe("home");
    release();
    await navigation;
    expect(router.currentRoute.value.name).toBe("teach-class");
  });
});
