// Only the scripts the course is written in: Arabic (Naskh) and Latin (Noto Sans), each loaded by unicode-range.
import "@fontsource/noto-naskh-arabic/arabic-400.css";
import "@fontsource/noto-naskh-arabic/arabic-600.css";
import "@fontsource/noto-naskh-arabic/arabic-700.css";
import "@fontsource/noto-sans/latin-400.css";
import "@fontsource/noto-sans/latin-600.css";
import "@fontsource/noto-sans/latin-700.css";
import "@fontsource/noto-sans/latin-ext-400.css";
import "@fontsource/noto-sans/latin-ext-700.css";
import "./styles/main.css";
import "./styles/print.css";
import { createApp, watch } from "vue";
import urql from "@urql/vue";
import App from "./App.vue";
import { createAppI18n } from "./i18n/index.js";
import { applyLocale, currentLocale } from "./locale.js";
import { createAppRouter } from "./router.js";
import { initTheme } from "./theme.js";
import { urqlClient } from "./urql.js";

const i18n = createAppI18n(currentLocale.value);
applyLocale(currentLocale.value);
initTheme();
watch(currentLocale, (l) => {
  i18n.global.locale.value = l;
  document.title = i18n.global.t("app.title");
});
document.title = i18n.global.t("app.title");

createApp(App).use(i18n).use(createAppRouter()).use(urql, urqlClient).mount("#app");
