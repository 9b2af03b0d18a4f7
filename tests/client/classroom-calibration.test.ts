// @vitest-environment happy-dom
/** The instructor's learning tools of a quiz: the class's CBM calibration and the hints used per item, ar and en. */
import urql from "@urql/vue";
import { flushPromises, mount } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import ClassroomCalibration from "../../client/src/components/classroom/ClassroomCalibration.vue";
import { createAppI18n } from "../../client/src/i18n/index.js";
import type { AppLocale } from "../../client/src/i18n/index.js";
import { fakeGraphql } from "./fake-graphql.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const calibration = {
  __typename: "Calibration",
  answers: 10,
  averageMark: -0.75,
  levels: [
    { __typename: "CalibrationLevel", certainty: 1, answers: 2, accuracy: 0.5, verdict: "GOOD" },
    { __typename: "CalibrationLevel", certainty: 2, answers: 3, accuracy: 1, verdict: "UNDER" },
    { __typename: "CalibrationLevel", certainty: 3, answers: 5, accuracy: 0.4, verdict: "OVER" },
  ],
};
const stats = (hinted: number[]) =>
  hinted.map((n, i) => ({ __typename: "ItemStat", itemId: `q${i + 1}`, prompt: `Prompt ${i + 1}`, hintedAnswers: n, hintsUsed: n * 2 }));

function mountTools(answer: unknown, locale: AppLocale = "en") {
  const fake = fakeGraphql({ ClassCalibration: () => ({ data: { classroom: { __typename: "Classroom", id: "c1", ...(answer as object) } } }) });
  const wrapper = mount(ClassroomCalibration, {
    props: { classroomId: "c1", quizId: "quiz-1" },
    attachTo: document.body,
    global: { plugins: [createAppI18n(locale), [urql, fake.client]] },
  });
  return { wrapper, fake };
}

describe("ClassroomCalibration", () => {
  it("should ask for the class's calibration and hint counts of the chosen quiz, in the page's language", async () => {
    const { fake } = mountTools({ calibration, itemStats: stats([0, 3]) }, "ar");
    await flushPromises();
    expect(fake.log[0]).toMatchObject({ operationName: "ClassCalibration", variables: { id: "c1", quizId: "quiz-1", locale: "AR" } });
  });

  it("should tabulate accuracy per certainty with over- and under-confidence, and hints per item", async () => {
    const { wrapper } = mountTools({ calibration, itemStats: stats([0, 3]) });
    await flushPromises();
    const rows = wrapper.findAll("[data-testid=calibration] tbody tr").map((r) => r.findAll("th, td").map((c) => c.text()));
    expect(rows.map((r) => r[4])).toEqual(["Well judged", "Under-confident", "Over-confident"]);
    expect(rows.map((r) => r[2])).toEqual(["50%", "100%", "40%"]);
    expect(wrapper.get("[data-testid=calibration] h2").text()).toBe("The class's certainty calibration");
    expect(wrapper.get("[data-testid=average-mark] bdi").text()).toBe("\u22120.75");
    expect(wrapper.get('[data-item="q2"] [data-testid=hinted-answers]').text()).toBe("3");
    expect(wrapper.get('[data-item="q2"] [data-testid=hints-used]').text()).toBe("6");
    expect(wrapper.get('[data-item="q1"] [data-testid=hinted-answers]').text()).toBe("0");
    expect(wrapper.text()).toContain("by 0.75");
  });

  it("should say so when no answer carried a certainty and no hint was used", async () => {
    const { wrapper } = mountTools({ calibration: null, itemStats: stats([0, 0]) });
    await flushPromises();
    expect(wrapper.get("[data-testid=class-calibration-none]").text()).toContain("No answer in this quiz has carried a certainty yet.");
    expect(wrapper.get("[data-testid=class-hints-none]").text()).toContain("No one in the class has used a hint");
    expect(wrapper.find("[data-testid=class-hints] table").exists()).toBe(false);
  });

  it("should speak Arabic", async () => {
    const { wrapper } = mountTools({ calibration, itemStats: stats([1]) }, "ar");
    await flushPromises();
    expect(wrapper.get("#class-tools-h").text()).toBe("أدوات التعلّم في هذا الاختبار");
    expect(wrapper.get("[data-testid=calibration] h2").text()).toBe("معايرة الثقة لدى الفصل");
    expect(wrapper.get("[data-testid=average-mark] bdi").attributes("dir")).toBe("ltr");
  });
});
