/**
 * Checks the shape of a submitted answer against its item and maps public option ids to the content's local
 * ids. Pure. A bad answer yields a reason the learner can act on; nothing is stored for it.
 */
import type { Item } from "../content/content.schema.js";
import type { LocalAnswer } from "./grading.js";

/** An answer as it arrives over the API, in public option ids. */
export interface PublicAnswer {
  choiceIds?: string[] | null;
  text?: string | null;
  sequence?: string[] | null;
  pairs?: { leftId: string; rightId: string }[] | null;
}

export type Validation = { ok: true; answer: LocalAnswer } | { ok: false; reason: string };

export const MAX_SHORT_ANSWER = 200;
export const MAX_ESSAY = 10_000;

/** Maps public option ids of an item to local ids: TRUE_FALSE uses "<item>.true|false", others opaque ids. */
export function optionIdMaps(item: Item, publicId: (itemId: string, localId: string) => string): { left: Map<string, string>; right: Map<string, string> } {
  const map = (ids: string[]) => new Map(ids.map((id) => [publicId(item.id, id), id]));
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return { left: map(item.choices.map((c) => c.id)), right: new Map() };
    case "TRUE_FALSE":
      return { left: new Map([[`${item.id}.true`, "true"], [`${item.id}.false`, "false"]]), right: new Map() };
    case "ORDERING":
      return { left: map(item.sequence.map((s) => s.id)), right: new Map() };
    case "MATCHING":
      return {
        left: map(item.pairs.map((p) => p.left.id)),
        right: map([...item.pairs.map((p) => p.right.id), ...(item.distractors ?? []).map((d) => d.id)]),
      };
    default:
      return { left: new Map(), right: new Map() };
  }
}

const FIELDS: Record<Item["type"], keyof PublicAnswer> = {
  SINGLE_CHOICE: "choiceIds",
  MULTIPLE_CHOICE: "choiceIds",
  TRUE_FALSE: "choiceIds",
  MATCHING: "pairs",
  ORDERING: "sequence",
  SHORT_ANSWER: "text",
  ESSAY: "text",
};

export function validateAnswer(item: Item, answer: PublicAnswer, publicId: (itemId: string, localId: string) => string): Validation {
  const field = FIELDS[item.type];
  const given = (Object.keys(answer) as (keyof PublicAnswer)[]).filter((k) => answer[k] !== undefined && answer[k] !== null);
  const extra = given.filter((k) => k !== field);
  if (extra.length > 0) return { ok: false, reason: `a ${item.type} item is answered with ${field} only, not ${extra.join(", ")}` };
  if (!given.includes(field)) return { ok: false, reason: `a ${item.type} item is answered with ${field}` };
  const { left, right } = optionIdMaps(item, publicId);
  const toLocal = (ids: string[], m: Map<string, string>): string[] | string => {
    const out: string[] = [];
    for (const id of ids) {
      const local = m.get(id);
      if (local === undefined) return id;
      out.push(local);
    }
    return out;
  };

  switch (item.type) {
    case "SINGLE_CHOICE":
    case "TRUE_FALSE":
    case "MULTIPLE_CHOICE": {
      const ids = answer.choiceIds!;
      if (ids.length === 0) return { ok: false, reason: "pick a choice" };
      if (item.type !== "MULTIPLE_CHOICE" && ids.length !== 1) return { ok: false, reason: "pick exactly one choice" };
      if (new Set(ids).size !== ids.length) return { ok: false, reason: "a choice is picked twice" };
      const local = toLocal(ids, left);
      if (typeof local === "string") return { ok: false, reason: `"${local}" is not a choice of item ${item.id}` };
      return { ok: true, answer: { choiceIds: local } };
    }
    case "ORDERING": {
      const seq = answer.sequence!;
      const local = toLocal(seq, left);
      if (typeof local === "string") return { ok: false, reason: `"${local}" is not an element of item ${item.id}` };
      if (new Set(local).size !== local.length || local.length !== left.size) return { ok: false, reason: `place each of the ${left.size} elements exactly once` };
      return { ok: true, answer: { sequence: local } };
    }
    case "MATCHING": {
      const pairs = answer.pairs!;
      if (pairs.length === 0) return { ok: false, reason: "match at least one pair" };
      const out: { leftId: string; rightId: string }[] = [];
      const seen = new Set<string>();
      for (const p of pairs) {
        const l = left.get(p.leftId);
        const r = right.get(p.rightId);
        if (l === undefined) return { ok: false, reason: `"${p.leftId}" is not a left-hand option of item ${item.id}` };
        if (r === undefined) return { ok: false, reason: `"${p.rightId}" is not a target of item ${item.id}` };
        if (seen.has(l)) return { ok: false, reason: "a left-hand option is matched twice" };
        seen.add(l);
        out.push({ leftId: l, rightId: r });
      }
      return { ok: true, answer: { pairs: out } };
    }
    case "SHORT_ANSWER":
    case "ESSAY": {
      const text = answer.text!.trim();
      const max = item.type === "ESSAY" ? MAX_ESSAY : MAX_SHORT_ANSWER;
      if (text === "") return { ok: false, reason: "the answer is empty" };
      if ([...text].length > max) return { ok: false, reason: `the answer is longer than ${max} characters` };
      return { ok: true, answer: { text } };
    }
  }
}
