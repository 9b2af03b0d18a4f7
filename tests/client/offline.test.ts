// @vitest-environment happy-dom
/**
 * Offline reading and its indicator (issue 14, point 4): the service worker keeps answers only of operations
 * whose root fields are public (never a learner's own data), the offline status line appears and is announced
 * in both languages, and the build's font subsets cover every character of the course and the interface.
 */
import path from "node:path";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { afterEach, describe, expect, it, vi } from "vitest";
import OfflineStatus from "../../client/src/components/layout/OfflineStatus.vue";
import * as documents from "../../client/src/gql/graphql.js";
import { networkDown, reportNetwork } from "../../client/src/offline/network.js";
import { PUBLIC_READS, PUBLIC_READS_CACHE, bodyKey, publicReadsFetch } from "../../client/src/offline/public-reads.js";
import { collectCodePoints, formatUnicodeRange, parseUnicodeRange } from "../../client/build/subset-fonts.js";
import { mountWith } from "./mount.js";

const PUBLIC_ROOT_FIELDS = new Set(["course", "lesson", "actorMap", "__typename"]);

afterEach(() => {
  document.body.innerHTML = "";
  reportNetwork(true);
  Object.defineProperty(navigator, "onLine", { configurable: true, get: () => true });
});

describe("the service worker's public reads", () => {
  const operations = new Map<string, OperationDefinitionNode>();
  for (const value of Object.values(documents)) {
    const doc = value as DocumentNode;
    if (doc?.kind !== "Document") continue;
    for (const def of doc.definitions) if (def.kind === "OperationDefinition" && def.name) operations.set(def.name.value, def);
  }

  it.each(PUBLIC_READS)("%s is a query of public root fields only", (name) => {
    const op = operations.get(name);
    expect(op, `${name} is not an operation of the client`).toBeDefined();
    expect(op!.operation).toBe("query");
    const roots = op!.selectionSet.selections.map((s) => (s.kind === "Field" ? s.name.value : s.kind));
    expect(roots.filter((r) => !PUBLIC_ROOT_FIELDS.has(r))).toEqual([]);
  });

  it("leaves out every operation that reads a learner's own data", () => {
    const personal = [...operations.values()].filter((op) => op.selectionSet.selections.some((s) => s.kind !== "Field" || !PUBLIC_ROOT_FIELDS.has(s.name.value)));
    expect(personal.length).toBeGreaterThan(0);
    for (const op of personal) expect(PUBLIC_READS).not.toContain(op.name!.value);
  });
});

describe("publicReadsFetch", () => {
  /** Cache Storage in memory (happy-dom has none). */
  function fakeCaches() {
    const stores = new Map<string, Map<string, string>>();
    const api = {
      open: async (name: string) => {
        const store = stores.get(name) ?? new Map<string, string>();
        stores.set(name, store);
        return {
          put: async (key: string, res: Response) => void store.set(key, await res.text()),
          match: async (key: string) => (store.has(key) ? new Response(store.get(key)) : undefined),
        };
      },
    };
    vi.stubGlobal("caches", api);
    return stores;
  }
  const body = (operationName: string, variables: object) => JSON.stringify({ operationName, query: `query ${operationName} { x }`, variables });
  const ok = (data: object) => new Response(JSON.stringify(data), { status: 200, headers: { "content-type": "application/json" } });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps a lesson's answer and gives it back when the network fails, per lesson and language", async () => {
    const stores = fakeCaches();
    const lessonAr = body("LessonPage", { slug: "a", locale: "AR" });
    const lessonEn = body("LessonPage", { slug: "a", locale: "EN" });
    vi.stubGlobal("fetch", vi.fn(async () => ok({ data: { lesson: { title: "درس" } } })));
    expect(await (await publicReadsFetch("/graphql", { method: "POST", body: lessonAr })).json()).toEqual({ data: { lesson: { title: "درس" } } });
    expect([...stores.get(PUBLIC_READS_CACHE)!.keys()]).toEqual([new URL(bodyKey(lessonAr), location.origin).href]);
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await (await publicReadsFetch("/graphql", { method: "POST", body: lessonAr })).json()).toEqual({ data: { lesson: { title: "درس" } } });
    expect(networkDown.value).toBe(true);
    // Another language was never opened: the network error stands.
    await expect(publicReadsFetch("/graphql", { method: "POST", body: lessonEn })).rejects.toThrow("Failed to fetch");
  });

  it("never keeps a learner's own reads, nor answers with errors", async () => {
    const stores = fakeCaches();
    vi.stubGlobal("fetch", vi.fn(async () => ok({ data: { myProgress: { lessons: [] } } })));
    await publicReadsFetch("/graphql", { method: "POST", body: body("MyProgressSummary", {}) });
    vi.stubGlobal("fetch", vi.fn(async () => ok({ errors: [{ message: "no" }], data: null })));
    await publicReadsFetch("/graphql", { method: "POST", body: body("LessonPage", { slug: "b", locale: "AR" }) });
    expect(stores.get(PUBLIC_READS_CACHE)?.size ?? 0).toBe(0);
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(publicReadsFetch("/graphql", { method: "POST", body: body("MyProgressSummary", {}) })).rejects.toThrow("Failed to fetch");
  });
});

describe("OfflineStatus", () => {
  const goOffline = () => {
    Object.defineProperty(navigator, "onLine", { configurable: true, get: () => false });
    window.dispatchEvent(new Event("offline"));
  };
  const goOnline = () => {
    Object.defineProperty(navigator, "onLine", { configurable: true, get: () => true });
    window.dispatchEvent(new Event("online"));
  };

  it.each([
    ["en", "You are offline"],
    ["ar", "لا اتصال بالإنترنت"],
  ] as const)("shows its message in a live region while offline (%s)", async (locale, text) => {
    const w = mountWith(OfflineStatus, {}, locale);
    expect(w.find('[role="status"]').exists()).toBe(true);
    expect(w.find('[data-testid="offline-status"]').exists()).toBe(false);
    goOffline();
    await w.vm.$nextTick();
    expect(w.find('[role="status"] [data-testid="offline-status"]').text()).toContain(text);
    goOnline();
    await w.vm.$nextTick();
    expect(w.find('[data-testid="offline-status"]').exists()).toBe(false);
    w.unmount();
  });

  it("shows while the server cannot be reached though the browser says it is online, and goes when it can", async () => {
    const w = mountWith(OfflineStatus, {}, "en");
    expect(w.find('[data-testid="offline-status"]').exists()).toBe(false);
    reportNetwork(false);
    await w.vm.$nextTick();
    expect(w.find('[data-testid="offline-status"]').exists()).toBe(true);
    reportNetwork(true);
    await w.vm.$nextTick();
    expect(w.find('[data-testid="offline-status"]').exists()).toBe(false);
    w.unmount();
  });
});

describe("font subsets", () => {
  it("reads and writes unicode-range lists, merging runs", () => {
    expect(parseUnicodeRange("U+0600-06FF, U+200C,u+41")).toEqual([
      [0x600, 0x6ff],
      [0x200c, 0x200c],
      [0x41, 0x41],
    ]);
    expect(formatUnicodeRange([0x41, 0x42, 0x43, 0x45, 0x627, 0x628])).toBe("U+41-43,U+45,U+627-628");
  });

  it("collects every character of the content and of the interface's messages", async () => {
    const root = path.resolve(import.meta.dirname, "..", "..");
    const chars = collectCodePoints(root);
    const { readFile } = await import("node:fs/promises");
    for (const file of ["client/src/i18n/ar.json", "client/src/i18n/en.json", "content/course.yaml"]) {
      const text = await readFile(path.join(root, file), "utf8");
      const missing = [...new Set(text)].filter((c) => !chars.has(c.codePointAt(0)!));
      expect(missing, file).toEqual([]);
    }
    // Typed but maybe absent from the course: printable ASCII, Arabic digits and question mark.
    for (const c of "azAZ09?؟٠٩") expect(chars.has(c.codePointAt(0)!)).toBe(true);
  });
});
