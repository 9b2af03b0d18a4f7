/** Mounting client components for tests: i18n installed (English unless told), router links stubbed. */
import { mount, RouterLinkStub } from "@vue/test-utils";
import type { Component } from "vue";
import { createAppI18n } from "../../client/src/i18n/index.js";
import type { AppLocale } from "../../client/src/i18n/index.js";
import type { QuizItemFieldsFragment } from "../../client/src/gql/graphql.js";

export function mountWith<C extends Component>(component: C, props: Record<string, unknown>, locale: AppLocale = "en") {
  return mount(component as Component, {
    props,
    attachTo: document.body,
    global: { plugins: [createAppI18n(locale)], stubs: { RouterLink: RouterLinkStub } },
  });
}

/** A quiz item as the API sends it, built by type. */
export function quizItem(type: QuizItemFieldsFragment["type"], over: Partial<QuizItemFieldsFragment> = {}): QuizItemFieldsFragment {
  const opts = (ids: string[]) => ids.map((id) => ({ id: `q.${id}`, text: `text ${id}` }));
  const base: QuizItemFieldsFragment = {
    
    id: "q",
    type,
    prompt: "Which one?",
    points: 1,
    objectiveIds: ["fx-a-o1"],
    choices: [],
    targets: [],
    rubric: [],
  };
  switch (type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return { ...base, choices: opts(["a", "b", "c", "d"]), ...over };
    case "TRUE_FALSE":
      return { ...base, choices: [{ id: "q.true", text: "True" }, { id: "q.false", text: "False" }], ...over };
    case "MATCHING":
      return { ...base, choices: opts(["l1", "l2", "l3"]), targets: opts(["r1", "r2", "r3", "r4"]), ...over };
    case "CLASSIFY":
      // Statements in a shuffled order; categories in content order.
      return { ...base, points: 4, choices: opts(["s3", "s1", "s4", "s2"]), targets: opts(["fact", "claim", "judgement"]), ...over };
    case "ORDERING":
      return { ...base, choices: opts(["e1", "e2", "e3"]), ...over };
    case "ESSAY":
      return { ...base, points: 4, rubric: [{ id: "c1", criterion: "Uses the evidence", points: 2 }, { id: "c2", criterion: "Is clear", points: 2 }], ...over };
    default:
      return { ...base, ...over };
  }
}

/** The last value a v-model component emitted. */
export const lastModel = (w: { emitted: (e: string) => unknown[][] | undefined }) => {
  const all = w.emitted("update:modelValue");
  return all ? all[all.length - 1][0] : undefined;
};
