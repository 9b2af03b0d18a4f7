/**
 * Light or dark (issue 14 point 8): the learner's choice when there is one (remembered in localStorage), else
 * the system's prefers-color-scheme, followed live. It sets <html data-theme>; styles/main.css holds both
 * palettes. Pure enough to test: storage and matchMedia are looked up on globalThis each time.
 */
import { ref } from "vue";

export type Theme = "light" | "dark";
const STORAGE_KEY = "theme";

/** The stored choice, or null when the learner has not chosen (or storage is blocked). */
export function storedTheme(): Theme | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "dark" || v === "light" ? v : null;
  } catch {
    return null;
  }
}

const systemQuery = () => globalThis.matchMedia?.("(prefers-color-scheme: dark)");
export const systemTheme = (): Theme => (systemQuery()?.matches ? "dark" : "light");

/** The theme in force: the learner's choice, else the system's. */
export const currentTheme = ref<Theme>(storedTheme() ?? systemTheme());

function paint(theme: Theme) {
  currentTheme.value = theme;
  if (typeof document !== "undefined") document.documentElement.dataset.theme = theme;
}

/** Applies the stored or system theme and follows the system's changes while the learner has not chosen. */
export function initTheme(): void {
  paint(storedTheme() ?? systemTheme());
  systemQuery()?.addEventListener?.("change", () => {
    if (!storedTheme()) paint(systemTheme());
  });
}

/** The learner's choice: applied and remembered. */
export function chooseTheme(theme: Theme): void {
  paint(theme);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, theme);
  } catch {
    /* not remembered: the next visit follows the system again */
  }
}
