/**
 * The app's i18n (client/src/i18n/app-i18n.ts): Arabic is in the initial bundle, English is loaded when needed
 * (issue 12: the initial JS had grown by both languages' strings). Loading English gives its core strings;
 * loading Arabic again, or English twice, changes nothing.
 */
import { describe, expect, it } from "vitest";
import { createBootI18n, loadLocaleMessages } from "../../client/src/i18n/app-i18n.js";
import { pickMessages } from "../../client/src/i18n/areas.js";
import { messages } from "../../client/src/i18n/index.js";

describe("the app's i18n", () => {
  it("should start with Arabic only and load English when asked", async () => {
    const i18n = createBootI18n();
    expect(i18n.global.availableLocales).toEqual(["ar"]);
    expect(i18n.global.t("app.title")).toBe(messages.ar.app.title);
    await loadLocaleMessages(i18n, "ar");
    expect(i18n.global.availableLocales).toEqual(["ar"]);
    await loadLocaleMessages(i18n, "en");
    await loadLocaleMessages(i18n, "en");
    expect([...i18n.global.availableLocales].sort()).toEqual(["ar", "en"]);
    i18n.global.locale.value = "en";
    expect(i18n.global.t("app.title")).toBe(messages.en.app.title);
    // Core strings only: the areas come with the routes that need them (tests/client/i18n-areas.test.ts).
    expect(i18n.global.getLocaleMessage("en")).toEqual(pickMessages(messages.en, "core"));
    expect(i18n.global.te("teach.dashboard.learners", "en")).toBe(false);
  });
});
