/**
 * CLASSIFY's module (server/src/items/classify.ts), as docs/architecture.md describes it: partial credit per
 * statement, pairs validation, statements shuffled and categories in content order, content cross-checks,
 * the compact answer key and the statistics per statement. Pure.
 */
import { describe, expect, it } from "vitest";
import { classify as cl, classifyKey } from "../../../server/src/items/classify.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { Item } from "../../../server/src/content/content.schema.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { classify } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 8));
const item = classify(5) as Parameters<typeof cl.grade>[0];
const pid = (local: string) => ids.option(item.id, local);
const pairs = (...ps: [string, string][]) => ps.map(([leftId, rightId]) => ({ leftId, rightId }));
const RIGHT = pairs(["s1", "fact"], ["s2", "fact"], ["s3", "claim"], ["s4", "opinion"], ["s5", "opinion"]);

describe("CLASSIFY grading", () => {
  it.each([
    ["every statement right", RIGHT, 5, true],
    ["four of five right", pairs(["s1", "fact"], ["s2", "fact"], ["s3", "claim"], ["s4", "opinion"], ["s5", "fact"]), 4, false],
    ["two placed, both right", pairs(["s1", "fact"], ["s3", "claim"]), 2, false],
    ["a statement placed twice counts once", pairs(["s1", "fact"], ["s1", "fact"]), 1, false],
    ["none right", pairs(["s1", "claim"], ["s2", "opinion"], ["s3", "fact"], ["s4", "fact"], ["s5", "claim"]), 0, false],
    ["nothing placed", [], 0, false],
  ] as const)("should grade %s", (_name, p, score, correct) => {
    expect(cl.grade(item, { pairs: [...p] })).toEqual({ status: "GRADED", score, maxScore: 5, correct });
  });

  it("should round partial credit to 0.01 of the points", () => {
    const three = { ...item, points: 1, statements: item.statements.slice(0, 3) };
    expect(cl.grade(three, { pairs: pairs(["s1", "fact"]) }).score).toBe(0.33);
  });

  it("should give every statement with its category as the right answer", () => {
    expect(cl.rightAnswer(item)).toEqual({ pairs: RIGHT });
    expect(cl.shownRightAnswer(item, Locale.EN)).toEqual({ pairs: RIGHT });
  });
});

describe("CLASSIFY answers", () => {
  it.each([
    [{ pairs: [] }, "place at least one statement in a category"],
    [{ pairs: pairs([pid("s1"), pid("fact")], [pid("s1"), pid("claim")]) }, "a statement is placed twice"],
    [{ pairs: pairs([pid("fact"), pid("fact")]) }, `"${pid("fact")}" is not a statement of item cl`],
    [{ pairs: pairs([pid("s1"), pid("s2")]) }, `"${pid("s2")}" is not a category of item cl`],
    [{ pairs: pairs(["cl.s1", pid("fact")]) }, `"cl.s1" is not a statement of item cl`],
    [{ choiceIds: [pid("s1")] }, "a CLASSIFY item is answered with pairs only, not choiceIds"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should accept a partly sorted item and map it to local ids", () => {
    expect(validateAnswer(ids, item as Item, { pairs: pairs([pid("s2"), pid("claim")]) })).toEqual({ ok: true, answer: { pairs: pairs(["s2", "claim"]) } });
  });
});

describe("CLASSIFY view and layout", () => {
  it("should show the statements as choices under opaque ids and the categories as targets in content order", () => {
    const view = cl.view(ids, item, Locale.EN);
    expect(new Set(view.choices.map((c) => c.id))).toEqual(new Set(["s1", "s2", "s3", "s4", "s5"].map(pid)));
    expect(view.targets).toEqual(["fact", "claim", "opinion"].map((c) => ({ id: pid(c), text: c })));
    expect(cl.view(ids, item, Locale.AR).targets[0].text).toBe("نص fact");
  });

  it("should shuffle the statements per attempt and keep the categories' order", () => {
    const reverse = <T,>(xs: readonly T[]) => [...xs].reverse();
    const out = cl.layout(ids, item, { choices: ["1", "2", "3"], targets: ["a", "b", "c"] }, reverse);
    expect(out).toEqual({ choices: ["3", "2", "1"], targets: ["a", "b", "c"] });
  });
});

describe("CLASSIFY content", () => {
  const parse = (patch: Record<string, unknown>) => Item.safeParse({ ...item, ...patch });

  it("should parse the fixture item and refuse too few statements or categories", () => {
    expect(parse({}).success).toBe(true);
    expect(parse({ statements: item.statements.slice(0, 3) }).success).toBe(false);
    expect(parse({ categories: item.categories.slice(0, 1) }).success).toBe(false);
  });

  it.each([
    [{ statements: item.statements.map((s, i) => (i === 0 ? { ...s, category: "rumour" } : s)) }, [{ path: "statements[0].category", message: `"rumour" is not one of this item's categories` }]],
    [{ statements: item.statements.map((s) => ({ ...s, category: "fact" })) }, [{ path: "statements", message: "the statements use only one category; a CLASSIFY item needs at least two in use" }]],
    [{}, []],
  ])("should cross-check %#", (patch, problems) => {
    expect(cl.check({ ...item, ...patch })).toEqual(problems);
  });

  it("should list categories and statements as local id groups (duplicates are reported by content.validate)", () => {
    expect(cl.localIds(item)).toEqual([
      { group: "categories", ids: ["fact", "claim", "opinion"] },
      { group: "statements", ids: ["s1", "s2", "s3", "s4", "s5"] },
    ]);
  });
});

describe("CLASSIFY statistics", () => {
  it("should key an answer by the category index per statement, '-' for a statement left out", () => {
    expect(classifyKey(item, RIGHT)).toBe("c:00122");
    expect(cl.answerKey(item, { pairs: pairs(["s3", "fact"], ["s1", "opinion"]) }, cl.grade(item, { pairs: [] }))).toBe("c:2-0--");
  });

  it("should count outcomes and, per statement, the answers in each category", () => {
    const rows = [
      { answerKey: "c:00122", n: 2 }, // all right
      { answerKey: "c:10122", n: 1 }, // s1 in claim
      { answerKey: "c:1120-", n: 1 }, // none right, s5 left out
      { answerKey: null, n: 3 }, // unanswered
    ];
    expect(cl.distribution(ids, item, rows, Locale.EN)).toEqual([
      { key: "=correct", label: null, correct: true, count: 2 },
      { key: "=partial", label: null, correct: false, count: 1 },
      { key: "=incorrect", label: null, correct: false, count: 1 },
    ]);
    const stats = cl.statements(ids, item, rows, Locale.EN)!;
    expect(stats.map((s) => [s.label, s.responses, s.correct])).toEqual([
      ["s1", 4, 2],
      ["s2", 4, 3],
      ["s3", 4, 3],
      ["s4", 4, 3],
      ["s5", 3, 3],
    ]);
    expect(stats[0].id).toBe(pid("s1"));
    expect(stats[0].categories).toEqual([
      { key: pid("fact"), label: "fact", correct: true, count: 2 },
      { key: pid("claim"), label: "claim", correct: false, count: 2 },
      { key: pid("opinion"), label: "opinion", correct: false, count: 0 },
    ]);
  });

  it("should ignore keys that do not fit the item (another version's)", () => {
    expect(cl.statements(ids, item, [{ answerKey: "c:001", n: 5 }], Locale.EN)!.every((s) => s.responses === 0)).toBe(true);
  });

  it("should give the demo a wrong answer that places no statement right", () => {
    expect(cl.grade(item, cl.demoAnswers(item).wrong).score).toBe(0);
    expect(cl.grade(item, cl.demoAnswers(item).right).correct).toBe(true);
  });
});

describe("CLASSIFY keyed content (duplicate detection, content.review.ts)", () => {
  const n = (s: string) => s.trim().toLowerCase();
  it("should not depend on the order of the statements", () => {
    const reversed = { ...item, statements: [...item.statements].reverse() };
    expect(cl.keyedContent(reversed, n)).toBe(cl.keyedContent(item, n));
  });
  it("should change when a statement moves to another category", () => {
    const moved = { ...item, statements: item.statements.map((s, i) => (i === 0 ? { ...s, category: "claim" } : s)) };
    expect(cl.keyedContent(moved, n)).not.toBe(cl.keyedContent(item, n));
  });
});
