/**
 * The app's vue-i18n (main.ts). Strings ship in parts (areas.ts): the core Arabic strings, the default, are in
 * the initial bundle; core English is its own chunk, loaded before the first render when the learner reads in
 * English and at the switch otherwise; each area (the instructor's pages, live sessions) is a chunk per
 * language, loaded by the router before a page that declares it renders (`meta.messages`), and again for the
 * other language when the reader switches. The service worker precaches every chunk. Both languages' strings
 * in the initial bundle were most of its growth (issue 12). Tests and tools use index.ts's createAppI18n, which
 * holds everything.
 */
import { createI18n } from "vue-i18n";
import arCore from "virtual:i18n-messages/ar/core";
import type { MessageArea, MessagePart } from "./areas.js";
import type { AppLocale, MessageSchema } from "./index.js";

type Messages = Record<string, unknown>;

// One import per part and language, each a literal so that the build makes each its own chunk.
const LOADERS: Record<AppLocale, Record<MessagePart, () => Promise<Messages>>> = {
  ar: {
    core: () => Promise.resolve(arCore),
    teach: async () => (await import("virtual:i18n-messages/ar/teach")).default,
    live: async () => (await import("virtual:i18n-messages/ar/live")).default,
    tools: async () => (await import("virtual:i18n-messages/ar/tools")).default,
    quizTools: async () => (await import("virtual:i18n-messages/ar/quizTools")).default,
  },
  en: {
    core: async () => (await import("virtual:i18n-messages/en/core")).default,
    teach: async () => (await import("virtual:i18n-messages/en/teach")).default,
    live: async () => (await import("virtual:i18n-messages/en/live")).default,
    tools: async () => (await import("virtual:i18n-messages/en/tools")).default,
    quizTools: async () => (await import("virtual:i18n-messages/en/quizTools")).default,
  },
};

export function createBootI18n() {
  const i18n = createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: "ar",
    fallbackLocale: "en",
    messages: { ar: arCore } as unknown as Record<AppLocale, MessageSchema>,
    // Strings come only from our own JSON, never from users: no HTML in them, so no escaping warnings needed.
    warnHtmlMessage: false,
  });
  loaded.set(i18n, { areas: new Set(), parts: new Set(["ar/core"]), pending: new Map() });
  return i18n;
}

export type BootI18n = ReturnType<typeof createBootI18n>;

interface LoadState {
  /** The areas some route has asked for: a language loaded later gets them too. */
  areas: Set<MessageArea>;
  /** `locale/part` merged into the messages. */
  parts: Set<string>;
  pending: Map<string, Promise<void>>;
}
const loaded = new WeakMap<BootI18n, LoadState>();

function loadPart(i18n: BootI18n, locale: AppLocale, part: MessagePart): Promise<void> {
  const state = loaded.get(i18n)!;
  const key = `${locale}/${part}`;
  if (state.parts.has(key)) return Promise.resolve();
  let p = state.pending.get(key);
  if (!p) {
    p = LOADERS[locale][part]().then((messages) => {
      // Core first, then areas: an area merged into a language vue-i18n does not know yet would be its only strings.
      if (part === "core" && !i18n.global.availableLocales.includes(locale)) i18n.global.setLocaleMessage(locale, messages as MessageSchema);
      else i18n.global.mergeLocaleMessage(locale, messages as MessageSchema);
      state.parts.add(key);
      state.pending.delete(key);
    });
    p.catch(() => state.pending.delete(key));
    state.pending.set(key, p);
  }
  return p;
}

/** Loads the strings of `locale` (core and every area asked for so far) unless they are loaded already. */
export async function loadLocaleMessages(i18n: BootI18n, locale: AppLocale): Promise<void> {
  await loadPart(i18n, locale, "core");
  await Promise.all([...loaded.get(i18n)!.areas].map((area) => loadPart(i18n, locale, area)));
}

/**
 * Loads `areas` in `locale` (the router's guard, before the page renders) and remembers them, so that a
 * switch of language loads them for the new language too before it shows.
 */
export async function loadMessageAreas(i18n: BootI18n, areas: readonly MessageArea[], locale: AppLocale): Promise<void> {
  const state = loaded.get(i18n)!;
  for (const area of areas) state.areas.add(area);
  await loadPart(i18n, locale, "core");
  await Promise.all(areas.map((area) => loadPart(i18n, locale, area)));
}
