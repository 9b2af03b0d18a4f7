/**
 * Builds right and wrong answers (in public ids) for content items, as a learner's client would send them.
 * Public ids are keyed with the server's secret: pass that server's `app.store.ids`.
 */
import type { Item } from "../../server/src/content/content.schema.js";
import { publicRightAnswer } from "../../server/src/attempts/attempt.view.js";
import type { OptionIds } from "../../server/src/quizzes/option-ids.js";
import { Locale } from "../../server/src/shared/locale.js";

const strip = (a: Record<string, unknown>) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null && v !== undefined));

export function rightAnswerInput(item: Item, ids: OptionIds): Record<string, unknown> {
  if (item.type === "ESSAY") return { text: "تحليل مكتوب بعناية يستند إلى المقال." };
  return strip(publicRightAnswer(ids, item, Locale.AR) as unknown as Record<string, unknown>);
}

/** An answer that earns 0 points. */
export function wrongAnswerInput(item: Item, ids: OptionIds): Record<string, unknown> {
  const pid = (local: string) => ids.option(item.id, local);
  switch (item.type) {
    case "SINGLE_CHOICE":
      return { choiceIds: [pid(item.choices.find((c) => !c.correct)!.id)] };
    case "MULTIPLE_CHOICE":
      return { choiceIds: item.choices.filter((c) => !c.correct).map((c) => pid(c.id)) };
    case "TRUE_FALSE":
      return { choiceIds: [`${item.id}.${String(!item.answer)}`] };
    case "MATCHING": {
      // Rotate the rights so that no left gets its own.
      const rights = item.pairs.map((p) => p.right.id);
      return { pairs: item.pairs.map((p, i) => ({ leftId: pid(p.left.id), rightId: pid(rights[(i + 1) % rights.length]) })) };
    }
    case "ORDERING":
      return { sequence: [...item.sequence].reverse().map((s) => pid(s.id)) };
    case "SHORT_ANSWER":
      return { text: "إجابة خاطئة تماما" };
    case "ESSAY":
      return { text: "…" };
    case "CLASSIFY": {
      // Every statement in the category after its own, so none is right.
      const next = (c: string) => item.categories[(item.categories.findIndex((x) => x.id === c) + 1) % item.categories.length].id;
      return { pairs: item.statements.map((s) => ({ leftId: pid(s.id), rightId: pid(next(s.category)) })) };
    }
  }
}
