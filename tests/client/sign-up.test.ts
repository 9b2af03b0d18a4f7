// @vitest-environment happy-dom
/**
 * Sign-up errors: every problem at once, each once, next to its field (no second copy above the form), the
 * first field in error focused; a taken email next to the email field with its clear message; an error of no
 * field (too many sign-ups) above the form. In both languages.
 */
import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryHistory, createRouter } from "vue-router";
import SignUpPage from "../../client/src/pages/learner/SignUpPage.vue";
import { createAppI18n } from "../../client/src/i18n/index.js";
import type { AppLocale } from "../../client/src/i18n/index.js";
import { errorInfo } from "../../client/src/errors.js";
import { CombinedError } from "@urql/core";

afterEach(() => {
  document.body.innerHTML = "";
  vi.unstubAllGlobals();
});

type Reply = { errors: { message: string; extensions: Record<string, unknown> }[] };

async function signUpWith(reply: Reply, locale: AppLocale = "en") {
  vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ data: null, ...reply }), { status: 200, headers: { "content-type": "application/json" } }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/signup", component: SignUpPage }, { path: "/signin", name: "signin", component: SignUpPage }, { path: "/", component: SignUpPage }] });
  await router.push("/signup");
  const w = mount(SignUpPage, { attachTo: document.body, global: { plugins: [createAppI18n(locale), router] } });
  await w.get("#signup-name").setValue(" ");
  await w.get("#signup-email").setValue("not-an-email");
  await w.get("#signup-password").setValue("password");
  await w.get("form").trigger("submit");
  await flushPromises();
  return w;
}

const allThree: Reply = {
  errors: [
    {
      message: "…",
      extensions: {
        code: "BAD_USER_INPUT",
        field: "email",
        fields: [
          { field: "email", reason: "invalid" },
          { field: "displayName", reason: "length" },
          { field: "password", reason: "common" },
        ],
      },
    },
  ],
};

describe("SignUpPage errors", () => {
  it("should show every field's error once, next to its field, and focus the first", async () => {
    const w = await signUpWith(allThree);
    expect(w.find("[data-testid=form-error]").exists()).toBe(false);
    expect(w.get("#signup-name-error").text()).toBe("The name needs 1 to 80 characters.");
    expect(w.get("#signup-email-error").text()).toBe("Enter a valid email address.");
    expect(w.get("#signup-password-error").text()).toBe("This is one of the most common passwords and easy to guess: choose another.");
    expect(w.findAll(".field__error")).toHaveLength(3);
    expect(w.get("#signup-password").attributes("aria-describedby")).toBe("signup-password-hint signup-password-error");
    expect(w.get("#signup-password").attributes("aria-invalid")).toBe("true");
    expect(document.activeElement?.id).toBe("signup-name");
  });

  it("should say it in Arabic too", async () => {
    const w = await signUpWith(allThree, "ar");
    expect(w.get("#signup-password-error").text()).toContain("من أكثر كلمات المرور شيوعًا");
    expect(w.findAll(".field__error")).toHaveLength(3);
  });

  it("should show a taken email next to the email field with its clear message, and an error of no field above the form", async () => {
    const taken = await signUpWith({ errors: [{ message: "taken", extensions: { code: "auth/email_taken" } }] });
    expect(taken.get("#signup-email-error").text()).toBe("An account with this email already exists. Try signing in.");
    expect(taken.find("[data-testid=form-error]").exists()).toBe(false);
    const limited = await signUpWith({ errors: [{ message: "slow down", extensions: { code: "auth/rate_limited" } }] });
    expect(limited.find("[data-testid=form-error]").exists()).toBe(true);
    expect(limited.findAll(".field__error")).toHaveLength(0);
  });
});

describe("errorInfo", () => {
  it("should keep the old single-field answer working (no fields list)", () => {
    const e = new CombinedError({ graphQLErrors: [{ message: "x", extensions: { code: "BAD_USER_INPUT", field: "password" } }] });
    expect(errorInfo(e)?.fields).toEqual([{ field: "password", key: "errors.field.password" }]);
  });
});
