/**
 * The app's vue-i18n (main.ts): Arabic, the default, is in the initial bundle; English is its own chunk, loaded
 * before the first render when the learner reads in English and at the switch otherwise (the service worker
 * precaches it with every other chunk). Both languages' strings in the initial bundle were most of its growth.
 * Tests and tools use index.ts's createAppI18n, which holds both.
 */
import { createI18n } from "vue-i18n";
import ar from "./ar.json";
import type { AppLocale, MessageSchema } from "./index.js";

export function createBootI18n() {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale: "ar",
    fallbackLocale: "en",
    messages: { ar } as Record<AppLocale, MessageSchema>,
    // Strings come only from our own JSON, never from users: no HTML in them, so no escaping warnings needed.
    warnHtmlMessage: false,
  });
}

export type BootI18n = ReturnType<typeof createBootI18n>;

/** Loads the strings of `locale` unless they are loaded already (Arabic always is). */
export async function loadLocaleMessages(i18n: BootI18n, locale: AppLocale): Promise<void> {
  if (i18n.global.availableLocales.includes(locale)) return;
  const en = (await import("./en.json")).default as MessageSchema;
  i18n.global.setLocaleMessage("en", en);
}
