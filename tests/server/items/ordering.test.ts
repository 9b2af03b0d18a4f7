/** ORDERING's module (server/src/items/ordering.ts): (L − 1) / (n − 1), validation, never the key order. Pure. */
import type { Item } from "../../../server/src/content/content.schema.js";
import { describe, expect, it } from "vitest";
import { longestInKeyOrder, ordering as or } from "../../../server/src/items/ordering.js";
import { validateAnswer } from "../../../server/src/items/registry.js";
import { OptionIds } from "../../../server/src/quizzes/option-ids.js";
import { Locale } from "../../../server/src/shared/locale.js";
import { ordering } from "../../helpers/item-factory.js";

const ids = new OptionIds(Buffer.alloc(32, 5));
const item = ordering(2) as Parameters<typeof or.grade>[0];
const pid = (local: string) => ids.option(item.id, local);
const KEY = ["e1", "e2", "e3", "e4", "e5"];

describe("ORDERING", () => {
  it.each([
    [KEY, 2, true],
    [["e2", "e3", "e4", "e5", "e1"], 1.5, false],
    [["e2", "e1", "e3", "e4", "e5"], 1.5, false],
    [["e3", "e1", "e5", "e2", "e4"], 1, false],
    [["e5", "e4", "e3", "e2", "e1"], 0, false],
  ])("should grade %j", (sequence, score, correct) => {
    expect(or.grade(item, { sequence })).toEqual({ status: "GRADED", score, maxScore: 2, correct });
  });

  it("should measure the longest run in key order", () => {
    expect(longestInKeyOrder(["b", "a", "c", "x"], ["a", "b", "c"])).toBe(2);
  });

  it.each([
    [{ sequence: KEY.slice(0, 4).map(pid) }, "place each of the 5 elements exactly once"],
    [{ sequence: ["e1", "e1", "e2", "e3", "e4"].map(pid) }, "place each of the 5 elements exactly once"],
    [{ sequence: [...KEY.slice(0, 4).map(pid), "or.zz"] }, `"or.zz" is not an element of item or`],
    [{ choiceIds: KEY.map(pid) }, "a ORDERING item is answered with sequence only, not choiceIds"],
  ])("should refuse %j", (answer, reason) => {
    expect(validateAnswer(ids, item as Item, answer)).toEqual({ ok: false, reason });
  });

  it("should show the elements in an order that is not the key's, and lay an attempt out the same way", () => {
    expect(or.view(ids, item, Locale.EN).choices.map((c) => c.id)).not.toEqual(KEY.map(pid));
    const identity = <T,>(xs: readonly T[]) => [...xs];
    // A shuffle that always returns the key order is refused: the layout rotates instead.
    expect(or.layout(ids, item, { choices: KEY.map(pid), targets: [] }, identity).choices).not.toEqual(KEY.map(pid));
  });

  it("should give the right answer in key order and a demo wrong answer that is not full marks", () => {
    expect(or.rightAnswer(item)).toEqual({ sequence: KEY });
    expect(or.grade(item, or.demoAnswers(item).wrong).correct).toBe(false);
  });
});
