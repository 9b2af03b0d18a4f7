/**
 * Installable and offline (issue 14, point 4): the web app manifest in the interface's language (one per
 * language in client/public, so the installed app's name, `lang` and `dir` match what the learner reads), and
 * the service worker's registration (client/src/sw.ts), only in production builds: the dev server has none.
 */
import type { AppLocale } from "../i18n/index.js";

/** Points <link rel="manifest"> at the manifest of `locale`. */
export function setManifestLanguage(locale: AppLocale): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  const href = `/manifest.${locale}.webmanifest`;
  if (link && link.getAttribute("href") !== href) link.setAttribute("href", href);
}

/** Registers /sw.js once the page has loaded, so it never competes with the first render for the network. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((e: unknown) => console.warn("service worker not registered", e));
  };
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
