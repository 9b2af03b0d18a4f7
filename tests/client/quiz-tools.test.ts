// @vitest-environment happy-dom
/**
 * The learning tools' components (issue 15): the certainty picker (a radio group that states what each level
 * scores, says when it is missing, shows the CBM mark), the hint (section first, then the paragraph, never
 * more), and the calibration table, in English and Arabic.
 */
import { afterEach, describe, expect, it } from "vitest";
import { RouterLinkStub } from "@vue/test-utils";
import QuizCalibration from "../../client/src/components/quiz/QuizCalibration.vue";
import QuizCertainty from "../../client/src/components/quiz/QuizCertainty.vue";
import QuizHint from "../../client/src/components/quiz/QuizHint.vue";
import type { CalibrationFieldsFragment, ItemHintFieldsFragment } from "../../client/src/gql/graphql.js";
import { lastModel, mountWith } from "./mount.js";

/** Text without direction isolates, with an ASCII minus. */
const plain = (s: string) => s.replace(/[\u2066\u2069]/g, "").replace(/\u2212/g, "-");

afterEach(() => {
  document.body.innerHTML = "";
});

describe("QuizCertainty", () => {
  it("should offer three radios in a fieldset, with what each scores, and emit the choice", async () => {
    const w = mountWith(QuizCertainty, { modelValue: null });
    expect(w.find("fieldset legend").text()).toContain("How sure are you");
    const radios = w.findAll("input[type=radio]");
    expect(radios).toHaveLength(3);
    expect(new Set(radios.map((r) => r.attributes("name"))).size).toBe(1); // one group: arrow keys move within it
    const rows: [string, string][] = [
      ["1 · Not very sure", "right 1, wrong 0"],
      ["2 · Fairly sure", "right 2, wrong -2"],
      ["3 · Very sure", "right 3, wrong -6"],
    ];
    w.findAll("label").forEach((label, i) => {
      expect(label.text()).toContain(rows[i][0]);
      expect(plain(label.text())).toContain(rows[i][1]);
    });
    await w.find("[data-testid=certainty-3]").setValue(true);
    expect(lastModel(w)).toBe(3);
  });

  it("should say when a required certainty is missing, and show the CBM mark after feedback", () => {
    const w = mountWith(QuizCertainty, { modelValue: 2, required: true, missing: true, mark: -4 });
    expect(w.text()).toContain("(required)");
    expect(w.find("[role=status]").text()).toContain("Choose how sure you are");
    expect(plain(w.find("[data-testid=cbm-mark]").text())).toContain("-4");
    expect((w.find("[data-testid=certainty-2]").element as HTMLInputElement).checked).toBe(true);
  });

  it("should speak Arabic", () => {
    const w = mountWith(QuizCertainty, { modelValue: null }, "ar");
    expect(w.find("legend").text()).toContain("ما مدى ثقتك");
  });

  it("should write a negative mark with U+2212, isolated left-to-right so the sign stays left of the digits in Arabic", () => {
    for (const locale of ["ar", "en"] as const) {
      const w = mountWith(QuizCertainty, { modelValue: 3, mark: -6 }, locale);
      const mark = w.get("[data-testid=cbm-mark] bdi");
      expect(mark.attributes("dir")).toBe("ltr");
      expect(mark.text()).toBe("\u22126");
      const wrong = w.findAll(".certainty__scores bdi").map((b) => b.text());
      expect(wrong).toEqual(["1", "0", "2", "\u22122", "3", "\u22126"]);
      w.unmount();
    }
  });
});

describe("QuizHint", () => {
  const hint = (used: number): ItemHintFieldsFragment => ({
    itemId: "q",
    used,
    max: 2,
    lessonSlug: "fx-lesson-a",
    lessonTitle: "Lesson A",
    sectionId: "fx-a-s1",
    sectionHeading: "The first section",
    paragraphs: used >= 2 ? [{ paragraphId: "fx-a-p1", text: "The paragraph that holds it." }] : [],
  });

  it("should offer the first hint, then the paragraph, then nothing", async () => {
    const none = mountWith(QuizHint, { hint: null });
    expect(none.find("[data-testid=take-hint]").text()).toContain("Hint: where is the answer?");
    await none.find("[data-testid=take-hint]").trigger("click");
    expect(none.emitted("take")).toHaveLength(1);

    const one = mountWith(QuizHint, { hint: hint(1) });
    expect(one.find("[data-testid=take-hint]").text()).toContain("Show the paragraph");
    expect(one.find("[data-testid=hint-section]").text()).toContain("Lesson A — The first section");
    expect(one.findComponent(RouterLinkStub).props("to")).toBe("/lessons/fx-lesson-a#fx-a-s1");
    expect(one.findAll("[data-testid=hint-paragraph]")).toHaveLength(0);

    const two = mountWith(QuizHint, { hint: hint(2) });
    expect(two.find("[data-testid=take-hint]").exists()).toBe(false);
    expect(two.find("[data-testid=hint-paragraph] blockquote").text()).toBe("The paragraph that holds it.");
    expect(two.text()).toContain("×0.75");
    expect(two.find("[aria-live=polite]").exists()).toBe(true);
  });

  it("should show the server's refusal in words", () => {
    const w = mountWith(QuizHint, { hint: null, errorKey: "errors.hint_not_available" }, "ar");
    expect(w.find("[role=alert]").text()).toContain("التلميحات غير متاحة");
  });
});

describe("QuizCalibration", () => {
  const calibration: CalibrationFieldsFragment = {
    answers: 5,
    averageMark: 0.5,
    levels: [
      { certainty: 1, answers: 2, accuracy: 1, verdict: "UNDER" },
      { certainty: 2, answers: 0, accuracy: null, verdict: null },
      { certainty: 3, answers: 3, accuracy: 0.3333, verdict: "OVER" },
    ],
  };

  it("should tabulate accuracy per certainty with a verdict in words", () => {
    const w = mountWith(QuizCalibration, { calibration });
    const rows = w.findAll("tbody tr").map((r) => r.findAll("th, td").map((c) => c.text()));
    expect(rows[0]).toEqual(["1 · Not very sure", "2", "100%", "under 67%", "Under-confident"]);
    expect(rows[1]).toEqual(["2 · Fairly sure", "0", "—", "67–80%", "—"]);
    expect(rows[2]).toEqual(["3 · Very sure", "3", "33%", "over 80%", "Over-confident"]);
    expect(w.find("[data-testid=average-mark]").text()).toContain("0.5");
    expect(w.find(".table-scroll").attributes("tabindex")).toBe("0");
  });

  it("should speak Arabic", () => {
    const w = mountWith(QuizCalibration, { calibration }, "ar");
    expect(w.find("h2").text()).toBe("مدى دقة تقديرك لثقتك");
    expect(w.text()).toContain("ثقة زائدة");
  });
});
