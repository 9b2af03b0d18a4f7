// @vitest-environment happy-dom
/**
 * The client's item-type registry (client/src/quiz/item-types.ts): an entry for every ItemType of the committed
 * schema (so a type added there without an entry fails here, as well as in vue-tsc), each with its strings,
 * and the answer rules per type in a table.
 */
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import schemaText from "../../server/schema.graphql?raw";
import type { ItemType } from "../../client/src/gql/graphql.js";
import { messages } from "../../client/src/i18n/index.js";
import type { AnswerDraft } from "../../client/src/quiz/answer-shapes.js";
import { ITEM_TYPES, itemType } from "../../client/src/quiz/item-types.js";
import { quizItem } from "./mount.js";

const enumType = buildSchema(schemaText).getType("ItemType");
if (!isEnumType(enumType)) throw new Error("server/schema.graphql has no enum ItemType");
const SCHEMA_TYPES = enumType.getValues().map((v) => v.name as ItemType);

describe("the item-type registry", () => {
  it("should have exactly one entry per ItemType of the schema", () => {
    expect(SCHEMA_TYPES).toContain("CLASSIFY");
    expect(SCHEMA_TYPES.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(ITEM_TYPES).sort()).toEqual([...SCHEMA_TYPES].sort());
  });

  it.each(SCHEMA_TYPES)("should give %s an input component, an answer shape and its instruction and name in both languages", (type) => {
    const kind = itemType(type);
    expect(typeof kind.input === "object" || typeof kind.input === "function").toBe(true);
    expect(["choiceIds", "text", "sequence", "pairs"]).toContain(kind.shape.field);
    for (const locale of ["ar", "en"] as const) {
      const m = messages[locale] as { quiz: { types: Record<string, string> }; teach: { items: { types: Record<string, string> } } };
      expect(m.quiz.types[type], `${locale} quiz.types.${type}`).toBeTruthy();
      expect(m.teach.items.types[type], `${locale} teach.items.types.${type}`).toBeTruthy();
    }
    // Nothing given is never an answer.
    expect(kind.isAnswered(quizItem(type), null)).toBe(false);
    expect(kind.isAnswered(quizItem(type), {})).toBe(false);
    expect(kind.shape.given({})).toBe(false);
  });

  // type, a draft in its shape, whether it counts as answered, whether it is worth sending, typed
  const cases: [ItemType, AnswerDraft, boolean, boolean, boolean][] = [
    ["SINGLE_CHOICE", { choiceIds: ["q.a"] }, true, true, false],
    ["MULTIPLE_CHOICE", { choiceIds: ["q.a", "q.c"] }, true, true, false],
    ["MULTIPLE_CHOICE", { choiceIds: [] }, false, false, false],
    ["TRUE_FALSE", { choiceIds: ["q.false"] }, true, true, false],
    ["MATCHING", { pairs: [{ leftId: "q.l1", rightId: "q.r2" }] }, true, true, false],
    ["ORDERING", { sequence: ["q.e2", "q.e1", "q.e3"] }, true, true, false],
    // CLASSIFY (statements q.s1…q.s4): saved once a statement is sorted, answered once all four are.
    ["CLASSIFY", { pairs: [{ leftId: "q.s1", rightId: "q.fact" }] }, false, true, false],
    ["CLASSIFY", { pairs: ["s3", "s1", "s4"].map((s) => ({ leftId: `q.${s}`, rightId: "q.claim" })) }, false, true, false],
    ["CLASSIFY", { pairs: ["s3", "s1", "s4", "s2"].map((s) => ({ leftId: `q.${s}`, rightId: "q.claim" })) }, true, true, false],
    // A pair for a statement the item does not have does not make up for a missing one.
    ["CLASSIFY", { pairs: ["s3", "s1", "s4", "s9"].map((s) => ({ leftId: `q.${s}`, rightId: "q.claim" })) }, false, true, false],
    ["CLASSIFY", { pairs: [] }, false, false, false],
    ["SHORT_ANSWER", { text: "Bamako" }, true, true, true],
    ["SHORT_ANSWER", { text: "   " }, false, false, true],
    ["ESSAY", { text: "Morocco and Mali" }, true, true, true],
    // Another type's shape is no answer.
    ["SINGLE_CHOICE", { text: "q.a" }, false, false, false],
    ["ESSAY", { choiceIds: ["q.a"] }, false, false, true],
  ];
  it.each(cases)("should judge a %s draft %j: answered %s, worth sending %s, typed %s", (type, draft, answered, sendable, typed) => {
    const kind = itemType(type);
    expect(kind.isAnswered(quizItem(type), draft)).toBe(answered);
    expect(kind.shape.given(draft)).toBe(sendable);
    expect(kind.typed).toBe(typed);
  });

  it("should offer only ORDERING's untouched order as an answer to keep, name only TRUE_FALSE's options itself, and mark every type with parts part by part", () => {
    expect(SCHEMA_TYPES.filter((t) => ITEM_TYPES[t].keepAsIs)).toEqual(["ORDERING"]);
    expect(ITEM_TYPES.ORDERING.keepAsIs!(quizItem("ORDERING"))).toEqual({ sequence: ["q.e1", "q.e2", "q.e3"] });
    expect(SCHEMA_TYPES.filter((t) => ITEM_TYPES[t].stats.optionLabel)).toEqual(["TRUE_FALSE"]);
    expect(ITEM_TYPES.TRUE_FALSE.stats.optionLabel!("q9.true")).toBe("teach.items.true");
    expect(ITEM_TYPES.TRUE_FALSE.stats.optionLabel!("q9.false")).toBe("teach.items.false");
    expect(SCHEMA_TYPES.filter((t) => ITEM_TYPES[t].stats.noDistribution)).toEqual(["ESSAY"]);
    // Feedback part by part for every type with options, pairs or places (issue 14 point 1); typed answers
    // keep the right answer's lines. Partial credit is explained where a type gives it.
    expect(SCHEMA_TYPES.filter((t) => !ITEM_TYPES[t].feedback).sort()).toEqual(["ESSAY", "SHORT_ANSWER"]);
    expect(SCHEMA_TYPES.filter((t) => ITEM_TYPES[t].partial).sort()).toEqual(["CLASSIFY", "MATCHING", "MULTIPLE_CHOICE", "ORDERING"]);
    // Only CLASSIFY has statistics part by part.
    expect(SCHEMA_TYPES.filter((t) => ITEM_TYPES[t].stats.detail)).toEqual(["CLASSIFY"]);
  });

  it("should state an answer in the item's words, one line per part", () => {
    expect(itemType("SINGLE_CHOICE").answerLines(quizItem("SINGLE_CHOICE"), { choiceIds: ["q.c"] })).toEqual(["text c"]);
    expect(itemType("MATCHING").answerLines(quizItem("MATCHING"), { pairs: [{ leftId: "q.l2", rightId: "q.r1" }] })).toEqual(["text l2 — text r1"]);
    expect(itemType("ORDERING").answerLines(quizItem("ORDERING"), { sequence: ["q.e3", "q.e1"] })).toEqual(["text e3", "text e1"]);
    expect(itemType("CLASSIFY").answerLines(quizItem("CLASSIFY"), { pairs: [{ leftId: "q.s4", rightId: "q.judgement" }] })).toEqual(["text s4 — text judgement"]);
    expect(itemType("ESSAY").answerLines(quizItem("ESSAY"), null)).toEqual([]);
  });
});
