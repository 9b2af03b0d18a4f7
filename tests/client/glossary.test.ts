// @vitest-environment happy-dom
/** Key terms in the lesson text: a disclosure button per mark that opens the definition; Escape closes it and focus returns. */
import { afterEach, describe, expect, it } from "vitest";
import { nextTick } from "vue";
import type { VueWrapper } from "@vue/test-utils";
import LessonParagraphText from "../../client/src/components/lesson/LessonParagraphText.vue";
import { mountWith } from "./mount.js";

const text = "التأمت اللجنة العسكرية المشتركة في باماكو، في منطقة الساحل.";
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const paragraph = {
  __typename: "Paragraph" as const,
  id: "l1-p1",
  text,
  sourceParagraphs: [1],
  terms: [
    { __typename: "TermMark" as const, termId: "l1-t1", ...at("اللجنة العسكرية المشتركة") },
    { __typename: "TermMark" as const, termId: "l1-t2", ...at("منطقة الساحل") },
    { __typename: "TermMark" as const, termId: "unknown", start: 0, end: 3 },
  ],
};
const terms = [
  { __typename: "KeyTerm" as const, id: "l1-t1", term: "اللجنة العسكرية المشتركة", definition: "هيئة تجمع ضباط البلدين." },
  { __typename: "KeyTerm" as const, id: "l1-t2", term: "منطقة الساحل", definition: "حزام جنوب الصحراء." },
];

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe("LessonParagraphText", () => {
  it("should keep the text whole and mark each known term with a collapsed disclosure button", () => {
    wrapper = mountWith(LessonParagraphText, { paragraph, terms }, "ar");
    const buttons = wrapper.findAll("button.term");
    expect(buttons.map((b) => b.attributes("data-term"))).toEqual(["l1-t1", "l1-t2"]);
    for (const b of buttons) {
      expect(b.attributes("aria-expanded")).toBe("false");
      const pop = wrapper.find(`#${b.attributes("aria-controls")}`);
      expect(pop.exists()).toBe(true);
      expect(pop.attributes("hidden")).toBeDefined();
    }
    const visible = wrapper.element.cloneNode(true) as HTMLElement;
    visible.querySelectorAll(".sr-only, .term-pop").forEach((e) => e.remove());
    expect(visible.textContent!.replace(/\s+/g, " ").trim()).toBe(text.replace(/\s+/g, " "));
  });

  it("should open the definition on activation, and close it with Escape, focus back on the button", async () => {
    wrapper = mountWith(LessonParagraphText, { paragraph, terms }, "en");
    const button = wrapper.find('button[data-term="l1-t2"]');
    await button.trigger("click");
    expect(button.attributes("aria-expanded")).toBe("true");
    const pop = wrapper.find(`#${button.attributes("aria-controls")}`);
    expect(pop.attributes("hidden")).toBeUndefined();
    expect(pop.text()).toContain("حزام جنوب الصحراء.");
    expect(pop.text()).toContain("Escape closes this definition.");
    // Only one definition open at a time.
    await wrapper.find('button[data-term="l1-t1"]').trigger("click");
    expect(button.attributes("aria-expanded")).toBe("false");
    expect(wrapper.find('button[data-term="l1-t1"]').attributes("aria-expanded")).toBe("true");
    (wrapper.find('button[data-term="l1-t1"]').element as HTMLElement).focus();
    (document.activeElement as HTMLElement).blur();
    await wrapper.find('button[data-term="l1-t1"]').trigger("keydown", { key: "Escape" });
    await nextTick();
    await nextTick();
    expect(wrapper.find('button[data-term="l1-t1"]').attributes("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(wrapper.find('button[data-term="l1-t1"]').element);
  });

  it("should close when the pointer goes down outside, and toggle closed on a second press", async () => {
    wrapper = mountWith(LessonParagraphText, { paragraph, terms }, "en");
    const button = wrapper.find('button[data-term="l1-t1"]');
    await button.trigger("click");
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    await nextTick();
    expect(button.attributes("aria-expanded")).toBe("false");
    await button.trigger("click");
    await button.trigger("click");
    expect(button.attributes("aria-expanded")).toBe("false");
  });
});
