/** Factories for content items, so grading tests state only what matters to them. */
import type { Item } from "../../server/src/content/content.schema.js";

const t = (s: string) => ({ ar: `نص ${s}`, en: s });
const base = { points: 1, level: "understand" as const, objectives: ["o1"], evidence: ["p1"], prompt: t("prompt"), explanation: t("because") };

export const singleChoice = (points = 1): Item => ({
  ...base,
  id: "sc",
  type: "SINGLE_CHOICE",
  points,
  choices: [
    { id: "a", text: t("a"), correct: true },
    { id: "b", text: t("b") },
    { id: "c", text: t("c") },
  ],
});

/** Correct: a, b, c (K = 3); wrong: d, e. */
export const multipleChoice = (points = 3): Item => ({
  ...base,
  id: "mc",
  type: "MULTIPLE_CHOICE",
  points,
  choices: [
    { id: "a", text: t("a"), correct: true },
    { id: "b", text: t("b"), correct: true },
    { id: "c", text: t("c"), correct: true },
    { id: "d", text: t("d") },
    { id: "e", text: t("e") },
  ],
});

export const trueFalse = (answer: boolean): Item => ({ ...base, id: "tf", type: "TRUE_FALSE", answer });

/** Key: l1→r1, l2→r2, l3→r3, l4→r4; distractor rx. */
export const matching = (points = 2): Item => ({
  ...base,
  id: "mt",
  type: "MATCHING",
  points,
  pairs: [1, 2, 3, 4].map((n) => ({ left: { id: `l${n}`, text: t(`l${n}`) }, right: { id: `r${n}`, text: t(`r${n}`) } })),
  distractors: [{ id: "rx", text: t("rx") }],
});

/** Key order: e1 e2 e3 e4 e5. */
export const ordering = (points = 2): Item => ({
  ...base,
  id: "or",
  type: "ORDERING",
  points,
  sequence: [1, 2, 3, 4, 5].map((n) => ({ id: `e${n}`, text: t(`e${n}`) })),
});

export const shortAnswer = (accept: string[]): Item => ({ ...base, id: "sa", type: "SHORT_ANSWER", accept });

export const essay = (): Item => ({
  ...base,
  id: "es",
  type: "ESSAY",
  points: 6,
  rubric: [
    { id: "r1", points: 4, criterion: t("accuracy") },
    { id: "r2", points: 2, criterion: t("argument") },
  ],
});

/** Categories fact, claim, opinion; key: s1 s2 → fact, s3 → claim, s4 s5 → opinion (no statement left in none). */
export const classify = (points = 5): Item => ({
  ...base,
  id: "cl",
  type: "CLASSIFY",
  points,
  categories: ["fact", "claim", "opinion"].map((id) => ({ id, text: t(id) })),
  statements: [
    { id: "s1", category: "fact" },
    { id: "s2", category: "fact" },
    { id: "s3", category: "claim" },
    { id: "s4", category: "opinion" },
    { id: "s5", category: "opinion" },
  ].map((s) => ({ ...s, text: t(s.id) })),
});
