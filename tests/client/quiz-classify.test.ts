// @vitest-environment happy-dom
/**
 * CLASSIFY on the client: the input (a fieldset of native radios per statement), the question card's save and
 * answered rules for a partly sorted item, the feedback statement by statement, and the item statistics per
 * statement.
 */
import { flushPromises } from "@vue/test-utils";
import axe from "axe-core";
import { afterEach, describe, expect, it } from "vitest";
import ClassroomItemStats from "../../client/src/components/classroom/ClassroomItemStats.vue";
import QuizFeedback from "../../client/src/components/quiz/QuizFeedback.vue";
import QuizItemCard from "../../client/src/components/quiz/QuizItemCard.vue";
import QuizItemClassify from "../../client/src/components/quiz/QuizItemClassify.vue";
import type { ItemResponseFieldsFragment, ItemStatFieldsFragment } from "../../client/src/gql/graphql.js";
import { lastModel, mountWith, quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const item = () => quizItem("CLASSIFY");
const pair = (s: string, c: string) => ({ leftId: `q.${s}`, rightId: `q.${c}` });
/**
 * axe-core's violations in the page as mounted. Colour contrast needs layout (happy-dom has none; the e2e
 * journeys check it in Chromium), and a component mounted alone sits outside any landmark.
 */
async function axeViolations() {
  const r = await axe.run(document.body, { rules: { "color-contrast": { enabled: false }, region: { enabled: false } } });
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`);
}

/** The radio of category `c` in the fieldset of statement `s`. */
const radio = (w: ReturnType<typeof mountWith>, s: string, c: string) => w.get(`fieldset[data-statement="q.${s}"] input[value="q.${c}"]`);

const category = (key: string, label: string, correct: boolean, count: number) => ({ key: `c.${key}`, label, correct, count });
const stat: ItemStatFieldsFragment = {
  itemId: "c",
  type: "CLASSIFY",
  prompt: "Sort the statements",
  points: 4,
  attempts: 10,
  responses: 8,
  facilityIndex: 0.6,
  discriminationIndex: 0.4,
  needsCheck: false,
  checkReasons: [],
  distribution: [
    { key: "=correct", label: null, correct: true, count: 3 },
    { key: "=partial", label: null, correct: false, count: 4 },
    { key: "=incorrect", label: null, correct: false, count: 1 },
  ],
  statements: [
    { id: "c.s1", label: "Officials said", responses: 8, correct: 6, categories: [category("fact", "Fact", false, 2), category("claim", "Claim", true, 6)] },
    { id: "c.s2", label: "It will rain", responses: 5, correct: 1, categories: [category("fact", "Fact", true, 1), category("claim", "Claim", false, 4)] },
    { id: "c.s3", label: "Never placed", responses: 0, correct: 0, categories: [category("fact", "Fact", true, 0), category("claim", "Claim", false, 0)] },
  ],
};

describe("QuizItemClassify", () => {
  it("should give each statement a fieldset named by its legend, with one radio per category, in a group named by the prompt", () => {
    const w = mountWith(QuizItemClassify, { item: item(), labelledby: "p", modelValue: null, lang: "ar" });
    expect(w.get("[role=group]").attributes("aria-labelledby")).toBe("p");
    const sets = w.findAll("fieldset");
    // Statements in the attempt's (shuffled) order.
    expect(sets.map((f) => f.attributes("data-statement"))).toEqual(["q.s3", "q.s1", "q.s4", "q.s2"]);
    expect(sets.map((f) => f.get("legend").text())).toEqual(["1text s3", "2text s1", "3text s4", "4text s2"]);
    const names = sets.map((f) => {
      const radios = f.findAll("input[type=radio]");
      // Categories in content order, each a labelled native radio.
      expect(radios.map((r) => r.attributes("value"))).toEqual(["q.fact", "q.claim", "q.judgement"]);
      expect(f.findAll("label").map((l) => l.text())).toEqual(["text fact", "text claim", "text judgement"]);
      // One name per statement: arrow keys move within a statement, Tab to the next one.
      expect(new Set(radios.map((r) => r.attributes("name"))).size).toBe(1);
      return radios[0].attributes("name");
    });
    expect(new Set(names).size).toBe(4);
    // The statement's number is decoration; its text is in the attempt's language.
    expect(sets[0].get("legend [aria-hidden=true]").text()).toBe("1");
    expect(sets[0].get("legend [lang=ar]").text()).toBe("text s3");
    expect(w.find("[draggable=true]").exists()).toBe(false);
  });

  it("should pass axe's checks, as the input, the feedback and the statistics table", async () => {
    document.body.insertAdjacentHTML("beforeend", '<h2 id="p">Sort the statements</h2>');
    mountWith(QuizItemClassify, { item: item(), labelledby: "p", modelValue: { pairs: [pair("s1", "claim")] }, lang: "ar" }, "ar");
    mountWith(QuizFeedback, { item: item(), response: graded(), lang: "ar" }, "ar");
    mountWith(ClassroomItemStats, { stats: [stat], allAttempts: false, lang: "ar" }, "ar");
    document.querySelector<HTMLButtonElement>("[data-testid=toggle-distribution]")!.click();
    await flushPromises();
    expect(document.querySelector("[data-testid=statement-stats]")).not.toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it("should take a choice from the keyboard and emit the pairs chosen so far, in statement order", async () => {
    const w = mountWith(QuizItemClassify, { item: item(), labelledby: "p", modelValue: null });
    const claim = radio(w, "s4", "claim");
    // A native radio takes focus (Tab) and a change (arrow keys or Space): nothing needs a pointer.
    (claim.element as HTMLInputElement).focus();
    expect(document.activeElement).toBe(claim.element);
    await claim.setValue(true);
    expect(lastModel(w)).toEqual({ pairs: [pair("s4", "claim")] });
    await w.setProps({ modelValue: lastModel(w) });
    await radio(w, "s3", "fact").setValue(true);
    expect(lastModel(w)).toEqual({ pairs: [pair("s3", "fact"), pair("s4", "claim")] });
    await w.setProps({ modelValue: lastModel(w) });
    // Choosing again moves the statement, and only that one.
    await radio(w, "s4", "judgement").setValue(true);
    expect(lastModel(w)).toEqual({ pairs: [pair("s3", "fact"), pair("s4", "judgement")] });
  });

  it("should show a saved answer checked and disable every radio when locked", () => {
    const w = mountWith(QuizItemClassify, { item: item(), labelledby: "p", modelValue: { pairs: [pair("s1", "judgement")] }, disabled: true });
    expect((radio(w, "s1", "judgement").element as HTMLInputElement).checked).toBe(true);
    expect(w.get('fieldset[data-statement="q.s1"] label.is-selected').text()).toBe("text judgement");
    expect(w.findAll<HTMLInputElement>("input[type=radio]").filter((r) => r.element.checked)).toHaveLength(1);
    expect(w.findAll<HTMLInputElement>("input[type=radio]").every((r) => r.element.disabled)).toBe(true);
  });
});

describe("QuizItemCard with a CLASSIFY item", () => {
  it("should in an assessment save each choice at once, and call a partly sorted item saved but not yet answered", async () => {
    const w = mountWith(QuizItemCard, { item: item(), mode: "ASSESSMENT", index: 0, total: 2 });
    expect(w.text()).toContain("Put each statement in its category");
    await radio(w, "s2", "claim").setValue(true);
    expect(w.emitted("save")).toEqual([[{ pairs: [pair("s2", "claim")] }]]);
    await w.setProps({ saveState: "saved" });
    expect(w.get("[data-testid=save-state]").text()).toBe("Saved; it counts as answered once every statement has a category");
    for (const s of ["s3", "s1", "s4"]) await radio(w, s, "fact").setValue(true);
    expect(w.emitted("save")).toHaveLength(4);
    expect(w.emitted("save")![3]).toEqual([{ pairs: [pair("s3", "fact"), pair("s1", "fact"), pair("s4", "fact"), pair("s2", "claim")] }]);
    expect(w.get("[data-testid=save-state]").text()).toBe("Saved");
  });

  it("should in practice enable checking only once every statement has a category", async () => {
    const w = mountWith(QuizItemCard, { item: item(), mode: "PRACTICE", index: 0, total: 1 });
    const check = w.get("[data-testid=check]");
    for (const s of ["s3", "s1", "s4"]) {
      await radio(w, s, "claim").setValue(true);
      expect(check.attributes("disabled")).toBeDefined();
    }
    await radio(w, "s2", "fact").setValue(true);
    expect(check.attributes("disabled")).toBeUndefined();
    await check.trigger("click");
    expect(w.emitted("check")).toEqual([[{ pairs: [pair("s3", "claim"), pair("s1", "claim"), pair("s4", "claim"), pair("s2", "fact")] }]]);
  });
});

function graded(over: Partial<ItemResponseFieldsFragment> = {}): ItemResponseFieldsFragment {
  return {
    id: "r1",
    itemId: "q",
    status: "GRADED",
    score: 2,
    maxScore: 4,
    correct: false,
    answeredAt: "2025-03-01T10:00:00.000Z",
    spellingNote: null,
    rubricMarks: null,
    // s3 and s1 right, s4 in the wrong category, s2 left out.
    answer: { choiceIds: null, text: null, sequence: null, pairs: [pair("s3", "fact"), pair("s1", "claim"), pair("s4", "fact")] },
    rightAnswer: { choiceIds: null, text: null, sequence: null, pairs: [pair("s3", "fact"), pair("s1", "claim"), pair("s4", "judgement"), pair("s2", "claim")] },
    feedback: { explanation: "Attribution marks a claim.", comment: null, evidence: [] },
    ...over,
  };
}

describe("QuizFeedback for CLASSIFY", () => {
  it("should mark each statement right or not in words and symbols, with the category chosen and the right one", () => {
    const w = mountWith(QuizFeedback, { item: item(), response: graded(), lang: "en" });
    expect(w.get("[data-testid=feedback]").attributes("data-verdict")).toBe("partial");
    expect(w.text()).toContain("Partly correct: 2 out of 4");
    // The part-by-part list replaces the plain list of the right answer.
    expect(w.find("[data-testid=right-answer]").exists()).toBe(false);
    const rows = w.findAll("[data-testid=classify-feedback] li");
    expect(rows.map((r) => [r.attributes("data-statement"), r.attributes("data-ok")])).toEqual([
      ["q.s3", "true"],
      ["q.s1", "true"],
      ["q.s4", "false"],
      ["q.s2", "false"],
    ]);
    expect(rows.map((r) => r.get(".classified__mark").text())).toEqual(["✓", "✓", "✗", "✗"]);
    // The symbol is decoration: the words say it.
    expect(rows[0].get(".classified__mark").attributes("aria-hidden")).toBe("true");
    expect(rows[0].get(".classified__body").text()).toBe("Righttext s3Category: text fact");
    expect(rows[2].get(".classified__verdict").text()).toBe("Not right");
    expect(rows[2].get("[data-testid=given]").text()).toBe("You chose: text fact");
    expect(rows[2].get("[data-testid=right]").text()).toBe("Right category: text judgement");
    expect(rows[3].get("[data-testid=given]").text()).toBe("You did not sort it.");
    expect(rows[3].get("[data-testid=right]").text()).toBe("Right category: text claim");
    expect(w.get("[data-testid=explanation]").text()).toBe("Attribution marks a claim.");
  });

  it("should speak Arabic, show nothing part by part when all is right, and keep the key-later note when the key is held back", () => {
    const ar = mountWith(QuizFeedback, { item: item(), response: graded() }, "ar");
    const rows = ar.findAll("[data-testid=classify-feedback] li");
    expect(rows[2].get(".classified__verdict").text()).toBe("غير صحيح");
    expect(rows[2].get("[data-testid=right]").text()).toBe("الفئة الصحيحة: text judgement");
    expect(rows[3].get("[data-testid=given]").text()).toBe("لم تُصنَّف.");

    const right = graded().rightAnswer!;
    const all = mountWith(QuizFeedback, { item: item(), response: graded({ correct: true, score: 4, answer: right }) });
    expect(all.get("[data-testid=feedback]").attributes("data-verdict")).toBe("correct");
    expect(all.find("[data-testid=classify-feedback]").exists()).toBe(false);

    const held = mountWith(QuizFeedback, { item: item(), response: graded({ rightAnswer: null, feedback: null }) });
    expect(held.find("[data-testid=classify-feedback]").exists()).toBe(false);
    expect(held.find("[data-testid=key-later]").exists()).toBe(true);
  });
});

describe("ClassroomItemStats for CLASSIFY", () => {
  it("should open the outcomes and a table per statement: share in its right category, counts per category, the right one marked in words", async () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat], allAttempts: false, lang: "en" });
    const row = w.get('tbody[data-item="c"]');
    expect(row.text()).toContain("Q1 · Classify");
    await row.get("[data-testid=toggle-distribution]").trigger("click");
    // The outcome bars, in words, with no "key" mark on a bucket.
    expect(row.findAll(".bars__label").map((l) => l.text())).toEqual(["Fully right", "Partly right", "Wrong"]);
    const table = row.get("[data-testid=statement-stats]");
    expect(table.get("caption").text()).toBe("How the answers sorted each statement");
    expect(table.findAll("thead th").map((h) => h.text())).toEqual(["Statement", "In its right category", "Fact", "Claim"]);
    const lines = table.findAll("tbody tr");
    expect(lines.map((l) => l.get("th").text())).toEqual(["Officials said", "It will rain", "Never placed"]);
    expect(lines.map((l) => l.get("[data-testid=statement-right]").text())).toEqual(["75% (6 of 8)", "20% (1 of 5)", "No answers yet."]);
    expect(lines[0].findAll("td[data-category]").map((c) => c.text())).toEqual(["2", "6✓ right category"]);
    expect(lines[1].findAll("td[data-category]").map((c) => c.text())).toEqual(["1✓ right category", "4"]);
    expect(lines[1].get('td[data-category="c.fact"]').classes()).toContain("statement-stats__key");
    // Its scroll region is named by the caption.
    const region = row.get("[data-testid=statement-stats]").element.closest("[role=region]")!;
    expect(region.getAttribute("aria-labelledby")).toBe(table.get("caption").attributes("id"));
  });

  it("should speak Arabic and show no statement table for another type", async () => {
    const w = mountWith(ClassroomItemStats, { stats: [stat, { ...stat, itemId: "m", type: "MATCHING", statements: null }], allAttempts: false }, "ar");
    const c = w.get('tbody[data-item="c"]');
    await c.get("[data-testid=toggle-distribution]").trigger("click");
    expect(c.text()).toContain("تصنيف");
    expect(c.get("caption").text()).toBe("كيف صنّفت الإجابات كل عبارة");
    expect(c.findAll('td[data-category="c.claim"]')[0].text()).toBe("6✓ الفئة الصحيحة");
    const m = w.get('tbody[data-item="m"]');
    await m.get("[data-testid=toggle-distribution]").trigger("click");
    expect(m.find("[data-testid=statement-stats]").exists()).toBe(false);
  });
});
