// Fonts: Noto Naskh Arabic and Noto Sans, subset at build time to the characters the course and interface use,
// each whole face behind its subset for characters a learner types (client/build/subset-fonts.ts).
import "virtual:subset-fonts.css";
import "./styles/tokens.css";
import "./styles/main.css";
// First: an LTI-launched page moves its address to the launched route before the router reads it.
import "./lti-launch.js";
import "./styles/print.css";
import { createApp, watch } from "vue";
import urql from "@urql/vue";
import App from "./App.vue";
import { createBootI18n, loadLocaleMessages, loadMessageAreas } from "./i18n/app-i18n.js";
import { applyLocale, currentLocale } from "./locale.js";
import { registerServiceWorker, setManifestLanguage } from "./offline/install.js";
import { createAppRouter } from "./router.js";
import { initTheme } from "./theme.js";
import { urqlClient } from "./urql.js";

const i18n = createBootI18n();
applyLocale(currentLocale.value);
initTheme();
watch(currentLocale, async (l) => {
  await loadLocaleMessages(i18n, l);
  if (currentLocale.value !== l) return; // switched back while the strings loaded
  i18n.global.locale.value = l;
  document.title = i18n.global.t("app.title");
  setManifestLanguage(l);
});
setManifestLanguage(currentLocale.value);

// English strings load before the first render (a page's string areas: the router, before the page renders) when the learner reads in English (no Arabic flash).
void loadLocaleMessages(i18n, currentLocale.value).then(() => {
  i18n.global.locale.value = currentLocale.value;
  document.title = i18n.global.t("app.title");
  createApp(App).use(i18n).use(createAppRouter((areas) => loadMessageAreas(i18n, areas, currentLocale.value))).use(urql, urqlClient).mount("#app");
  registerServiceWorker();
});
