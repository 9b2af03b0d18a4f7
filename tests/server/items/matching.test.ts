/** MATCHING's module (server/src/items/matching.ts): correct pairs / pairs, validation, targets never aligned. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { matching as mt } from "../../../server/src/items/matching.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { matching } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 4));
const item = matching(2) as Parameters<typeof mt.grade>[0];
const pid = (local: string) => ids.option(item.id, local);
const pairs = (...ps: [string, string][]) => ps.map(([leftId, rightId]) => ({ leftId, rightId }));

describe("MATCHING", () => {
  it.each([
    ["all four", pairs(["l1", "r1"], ["l2", "r2"], ["l3", "r3"], ["l4", "r4"]), 2, true],
    ["three of four", pairs(["l1", "r1"], ["l2", "r2"], ["l3", "r3"], ["l4", "rx"]), 1.5, false],
    ["one given", pairs(["l2", "r2"]), 0.5, false],
    ["a left given twice counts once", pairs(["l1", "r1"], ["l1", "r1"]), 0.5, false],
    ["all swapped", pairs(["l1", "r2"], ["l2", "r1"]), 0, false],
  ] as const)("should grade %s", (_name, p, score, correct) => {
    expect(mt.grade(item, { pairs: [...p] })).toEqual({ status: "GRADED", score, maxScore: 2, correct });
  });

  it.each([
    [{ pairs: [] }, "match at least one pair"],
    [{ pairs: pairs([pid("l1"), pid("r1")], [pid("l1"), pid("r2")]) }, "a left-hand option is matched twice"],
    [{ pairs: pairs(["mt.x", pid("r1")]) }, `"mt.x" is not a left-hand option of item mt`],
    [{ pairs: pairs([pid("l1"), pid("l2")]) }, `"${pid("l2")}" is not a target of item mt`],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should accept a distractor as a target", () => {
    expect(validateAnswer(ids, item as Item, { pairs: pairs([pid("l1"), pid("rx")]) })).toEqual({ ok: true, answer: { pairs: pairs(["l1", "rx"]) } });
  });

  it("should show lefts and targets (distractor included) so that the pairing cannot be read off by position", () => {
    const view = mt.view(ids, item, Locale.EN);
    expect(view.choices).toHaveLength(4);
    expect(view.targets).toHaveLength(5);
    const rightOf = new Map(item.pairs.map((p) => [pid(p.left.id), pid(p.right.id)]));
    expect(view.targets.slice(0, 4).map((t) => t.id)).not.toEqual(view.choices.map((c) => rightOf.get(c.id)));
  });

  it("should count outcomes, not pairings, in item statistics", () => {
    const half = mt.grade(item, { pairs: pairs(["l1", "r1"]) });
    expect(mt.answerKey(item, { pairs: pairs(["l1", "r1"]) }, half)).toBe("=partial");
    expect(mt.distribution(ids, item, [{ answerKey: "=partial", n: 2 }, { answerKey: "=correct", n: 1 }], Locale.EN).map((d) => d.count)).toEqual([1, 2, 0]);
    expect(mt.grade(item, mt.demoAnswers(item).wrong).score).toBe(0);
  });
});
