/** vue-i18n in composition mode; Arabic is the default and English the fallback for a missing string. */
import { createI18n } from "vue-i18n";
import ar from "./ar.json";
import en from "./en.json";

export type AppLocale = "ar" | "en";
export type MessageSchema = typeof en;

export const messages = { ar, en } satisfies Record<AppLocale, MessageSchema>;

export function createAppI18n(locale: AppLocale = "ar") {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: "en",
    messages,
    // Strings come only from our own JSON, never from users: no HTML in them, so no escaping warnings needed.
    warnHtmlMessage: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
