/**
 * The interface and content language: one reactive value for the whole app. It sets <html lang dir> and is
 * remembered in localStorage; for a signed-in user the server remembers it too (composables/useLocale).
 */
import { computed, ref } from "vue";
import type { AppLocale } from "./i18n/index.js";

const STORAGE_KEY = "locale";

function stored(): AppLocale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "ar";
  } catch {
    return "ar"; // storage can be blocked; Arabic is the default anyway
  }
}

export const currentLocale = ref<AppLocale>(stored());
/** The GraphQL Locale enum value for the current language. */
export const gqlLocale = computed(() => (currentLocale.value === "en" ? "EN" : "AR") as "AR" | "EN");

export const toAppLocale = (l: "AR" | "EN"): AppLocale => (l === "EN" ? "en" : "ar");

export function applyLocale(locale: AppLocale): void {
  currentLocale.value = locale;
  if (typeof document !== "undefined") {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === "ar" ? "rtl" : "ltr";
  }
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* not remembered: the next visit starts in Arabic */
  }
}
