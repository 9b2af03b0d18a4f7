// @vitest-environment happy-dom
/**
 * The quiz input components: every interaction goes through a native, keyboard-operable control (radio,
 * checkbox, select, button, text field) and emits the answer in the API's AnswerInput shape.
 */
import { afterEach, describe, expect, it } from "vitest";
import QuizItemEssay from "../../client/src/components/quiz/QuizItemEssay.vue";
import QuizItemMatching from "../../client/src/components/quiz/QuizItemMatching.vue";
import QuizItemMultipleChoice from "../../client/src/components/quiz/QuizItemMultipleChoice.vue";
import QuizItemOrdering from "../../client/src/components/quiz/QuizItemOrdering.vue";
import QuizItemShortAnswer from "../../client/src/components/quiz/QuizItemShortAnswer.vue";
import QuizItemSingleChoice from "../../client/src/components/quiz/QuizItemSingleChoice.vue";
import { lastModel, mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("QuizItemSingleChoice", () => {
  it("should render one radio per choice in a radio group named by the prompt", () => {
    const w = mountWith(QuizItemSingleChoice, { item: quizItem("SINGLE_CHOICE"), labelledby: "p1", modelValue: null });
    const group = w.get("[role=radiogroup]");
    expect(group.attributes("aria-labelledby")).toBe("p1");
    const radios = w.findAll("input[type=radio]");
    expect(radios.map((r) => r.attributes("value"))).toEqual(["q.a", "q.b", "q.c", "q.d"]);
    // One name for the group: arrow keys move between them natively.
    expect(new Set(radios.map((r) => r.attributes("name"))).size).toBe(1);
    expect(w.text()).toContain("text c");
  });

  it("should emit the chosen id when a radio changes (keyboard or pointer)", async () => {
    const w = mountWith(QuizItemSingleChoice, { item: quizItem("SINGLE_CHOICE"), labelledby: "p1", modelValue: null });
    await w.findAll("input[type=radio]")[2].setValue(true);
    expect(lastModel(w)).toEqual({ choiceIds: ["q.c"] });
  });

  it("should show the current answer checked and disable every radio when disabled", () => {
    const w = mountWith(QuizItemSingleChoice, { item: quizItem("SINGLE_CHOICE"), labelledby: "p1", modelValue: { choiceIds: ["q.b"] }, disabled: true });
    const radios = w.findAll<HTMLInputElement>("input[type=radio]");
    expect(radios[1].element.checked).toBe(true);
    expect(radios.every((r) => r.element.disabled)).toBe(true);
  });
});

describe("QuizItemMultipleChoice", () => {
  it("should emit every checked id in the order shown, and null when all are unchecked", async () => {
    const w = mountWith(QuizItemMultipleChoice, { item: quizItem("MULTIPLE_CHOICE"), labelledby: "p", modelValue: null });
    const boxes = w.findAll("input[type=checkbox]");
    expect(w.get("[role=group]").attributes("aria-labelledby")).toBe("p");
    await boxes[3].setValue(true);
    await w.setProps({ modelValue: lastModel(w) });
    await boxes[1].setValue(true);
    expect(lastModel(w)).toEqual({ choiceIds: ["q.b", "q.d"] });
    await w.setProps({ modelValue: lastModel(w) });
    await boxes[1].setValue(false);
    await w.setProps({ modelValue: lastModel(w) });
    await boxes[3].setValue(false);
    expect(lastModel(w)).toBeNull();
  });
});

describe("QuizItemSingleChoice for TRUE_FALSE", () => {
  it("should offer true and false as two radios and emit the chosen one", async () => {
    const w = mountWith(QuizItemSingleChoice, { item: quizItem("TRUE_FALSE"), labelledby: "p", modelValue: null });
    const radios = w.findAll("input[type=radio]");
    expect(radios).toHaveLength(2);
    expect(w.text()).toContain("True");
    await radios[1].setValue(true);
    expect(lastModel(w)).toEqual({ choiceIds: ["q.false"] });
  });
});

describe("QuizItemMatching", () => {
  it("should give each left item a labelled select of the targets, with no drag and drop", () => {
    const w = mountWith(QuizItemMatching, { item: quizItem("MATCHING"), labelledby: "p", modelValue: null });
    const selects = w.findAll("select");
    expect(selects).toHaveLength(3);
    for (const s of selects) {
      const label = w.get(`label[for="${s.attributes("id")}"]`);
      expect(label.text()).toMatch(/^text l\d$/);
      // A placeholder plus every target (distractors included).
      expect(s.findAll("option").map((o) => o.attributes("value"))).toEqual(["", "q.r1", "q.r2", "q.r3", "q.r4"]);
    }
    expect(w.find("[draggable=true]").exists()).toBe(false);
  });

  it("should emit the pairs chosen so far, in left order, and drop a pair when its select is cleared", async () => {
    const w = mountWith(QuizItemMatching, { item: quizItem("MATCHING"), labelledby: "p", modelValue: null });
    const selects = w.findAll("select");
    await selects[2].setValue("q.r4");
    await w.setProps({ modelValue: lastModel(w) });
    await selects[0].setValue("q.r2");
    expect(lastModel(w)).toEqual({
      pairs: [
        { leftId: "q.l1", rightId: "q.r2" },
        { leftId: "q.l3", rightId: "q.r4" },
      ],
    });
    await w.setProps({ modelValue: lastModel(w) });
    await selects[0].setValue("");
    expect(lastModel(w)).toEqual({ pairs: [{ leftId: "q.l3", rightId: "q.r4" }] });
  });
});

describe("QuizItemOrdering", () => {
  it("should move an element with buttons, emit the new sequence, announce it and keep focus on it", async () => {
    const w = mountWith(QuizItemOrdering, { item: quizItem("ORDERING"), labelledby: "p", modelValue: null });
    const rows = () => w.findAll("li").map((li) => li.attributes("data-id"));
    expect(rows()).toEqual(["q.e1", "q.e2", "q.e3"]);
    const up = (i: number) => w.findAll("li")[i].get("[data-move=up]");
    const down = (i: number) => w.findAll("li")[i].get("[data-move=down]");
    // At the ends the move that makes no sense is disabled.
    expect(up(0).attributes("disabled")).toBeDefined();
    expect(down(2).attributes("disabled")).toBeDefined();
    expect(down(0).attributes("aria-label")).toBe("Move “text e1” down");

    await down(0).trigger("click");
    expect(lastModel(w)).toEqual({ sequence: ["q.e2", "q.e1", "q.e3"] });
    expect(rows()).toEqual(["q.e2", "q.e1", "q.e3"]);
    expect(w.get("[data-testid=ordering-announcement]").text()).toBe("“text e1” is now at position 2 of 3.");
    expect((document.activeElement as HTMLElement).getAttribute("aria-label")).toBe("Move “text e1” down");

    await down(1).trigger("click");
    expect(lastModel(w)).toEqual({ sequence: ["q.e2", "q.e3", "q.e1"] });
    // At the bottom, focus moves to the element's other button, which still works.
    expect((document.activeElement as HTMLElement).getAttribute("aria-label")).toBe("Move “text e1” up");
  });

  it("should start from a saved sequence", () => {
    const w = mountWith(QuizItemOrdering, { item: quizItem("ORDERING"), labelledby: "p", modelValue: { sequence: ["q.e3", "q.e1", "q.e2"] } });
    expect(w.findAll("li").map((li) => li.attributes("data-id"))).toEqual(["q.e3", "q.e1", "q.e2"]);
  });
});

describe("QuizItemShortAnswer", () => {
  it("should take Arabic text in the attempt's language, limit it to 200 characters and count them", async () => {
    const w = mountWith(QuizItemShortAnswer, { item: quizItem("SHORT_ANSWER"), labelledby: "p", modelValue: null, lang: "ar" });
    const input = w.get("input[type=text]");
    expect(input.attributes("maxlength")).toBe("200");
    expect(input.attributes("lang")).toBe("ar");
    expect(input.attributes("dir")).toBe("auto");
    expect(input.attributes("aria-labelledby")).toBe("p");
    await input.setValue("باماكو");
    expect(lastModel(w)).toEqual({ text: "باماكو" });
    await w.setProps({ modelValue: lastModel(w) });
    expect(w.get("[data-testid=char-count]").text()).toBe("6 of 200 characters");
  });

  it("should count in Arabic when the interface is Arabic", async () => {
    const w = mountWith(QuizItemShortAnswer, { item: quizItem("SHORT_ANSWER"), labelledby: "p", modelValue: { text: "فرنسا" }, lang: "ar" }, "ar");
    expect(w.get("[data-testid=char-count]").text()).toBe("5 من 200 حرف");
  });
});

describe("QuizItemEssay", () => {
  it("should show the rubric, limit the essay to 10,000 characters and count as the learner types", async () => {
    const w = mountWith(QuizItemEssay, { item: quizItem("ESSAY"), labelledby: "p", modelValue: null, lang: "en" });
    expect(w.text()).toContain("Uses the evidence");
    const area = w.get("textarea");
    expect(area.attributes("maxlength")).toBe("10000");
    await area.setValue("Morocco and Mali");
    expect(lastModel(w)).toEqual({ text: "Morocco and Mali" });
    await w.setProps({ modelValue: lastModel(w) });
    expect(w.get("[data-testid=char-count]").text()).toBe("16 of 10,000 characters");
    // Quiet until the limit is near, then announced.
    expect(w.get("[data-testid=char-count]").attributes("aria-live")).toBe("off");
    await w.setProps({ modelValue: { text: "x".repeat(9_500) } });
    expect(w.get("[data-testid=char-count]").attributes("aria-live")).toBe("polite");
    expect(w.get("[data-testid=char-count]").text()).toBe("9,500 of 10,000 characters · 500 left");
  });

  it("should say when a paste runs past the limit, and how much of it was left out, in both languages", async () => {
    const paste = async (w: ReturnType<typeof mountWith>, before: string, text: string) => {
      const area = w.get("textarea").element as HTMLTextAreaElement;
      area.value = before;
      area.setSelectionRange(before.length, before.length);
      const e = new Event("paste", { bubbles: true, cancelable: true });
      Object.defineProperty(e, "clipboardData", { value: { getData: () => text } });
      area.dispatchEvent(e);
      await w.vm.$nextTick();
    };
    const en = mountWith(QuizItemEssay, { item: quizItem("ESSAY"), labelledby: "p", modelValue: null, lang: "en" });
    await paste(en, "", "y".repeat(9_000));
    expect(en.find("[data-testid=paste-cut]").exists()).toBe(false);
    await paste(en, "x".repeat(6_000), "y".repeat(8_160));
    expect(en.get("[data-testid=paste-cut]").text()).toBe("The pasted text ran past the limit of 10,000 characters: its last 4,160 characters were left out.");
    expect(en.get("[data-testid=paste-cut]").attributes("role")).toBe("alert");
    const ar = mountWith(QuizItemEssay, { item: quizItem("ESSAY"), labelledby: "p", modelValue: null, lang: "ar" }, "ar");
    await paste(ar, "", "ب".repeat(14_160));
    expect(ar.get("[data-testid=paste-cut]").text()).toContain("عدد الأحرف التي لم تُضَف: 4,160");
  });
});
