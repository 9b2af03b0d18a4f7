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
import { createAppI18n } from "./i18n/index.js";
import { applyLocale, currentLocale } from "./locale.js";
import { registerServiceWorker, setManifestLanguage } from "./offline/install.js";
import { createAppRouter } from "./router.js";
import { initTheme } from "./theme.js";
import { urqlClient } from "./urql.js";

const i18n = createAppI18n(currentLocale.value);
applyLocale(currentLocale.value);
initTheme();
watch(currentLocale, (l) => {
  i18n.global.locale.value = l;
  document.title = i18n.global.t("app.title");
  setManifestLanguage(l);
});
setManifestLanguage(currentLocale.value);
document.title = i18n.global.t("app.title");

createApp(App).use(i18n).use(createAppRouter()).use(urql, urqlClient).mount("#app");
registerServiceWorker();
