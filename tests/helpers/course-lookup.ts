/**
 * Finds quizzes, lessons and items in loaded content by what a test needs of them (an essay, a review policy,
 * an item type) rather than by id, so that the engine's tests do not hang on one course's ids or shape.
 */
import type { CourseContent } from "../../server/src/content/content.model.js";
import type { Item, ItemType, LessonFile, QuizFile } from "../../server/src/content/content.schema.js";

/** The lessons learners are offered (not retired), in course order. */
export const liveLessons = (content: Pick<CourseContent, "lessons">) =>
  content.lessons.filter((l) => !l.retired).sort((a, b) => a.order - b.order);

/** The first live quiz (in lesson order) that `matches`; throws, naming `what`, when the content has none.
 *  Retired quizzes are history and take no new attempt, so they are never picked. */
export function quizWhere(content: Pick<CourseContent, "quizzes" | "lessons">, what: string, matches: (q: QuizFile) => boolean): QuizFile {
  const ordered = liveLessons(content).map((l) => content.quizzes.find((q) => q.id === l.quiz)!).filter(Boolean);
  const quiz = ordered.find(matches);
  if (!quiz) throw new Error(`the test content has no quiz with ${what}`);
  return quiz;
}

export const hasType = (q: QuizFile, type: ItemType) => q.items.some((i) => i.type === type);
export const hasEssay = (q: QuizFile) => hasType(q, "ESSAY");
export const hasPools = (q: QuizFile) => q.items.some((i) => i.pool !== undefined);

/** The lesson a quiz belongs to. */
export function lessonOf(content: Pick<CourseContent, "lessons">, quiz: QuizFile): LessonFile {
  return content.lessons.find((l) => l.slug === quiz.lesson)!;
}

/** The quiz of a lesson. */
export function quizOf(content: Pick<CourseContent, "quizzes">, lesson: LessonFile): QuizFile {
  return content.quizzes.find((q) => q.id === lesson.quiz)!;
}

/** Every paragraph id of a lesson, in reading order. */
export const paragraphIds = (lesson: LessonFile) => lesson.sections.flatMap((s) => s.paragraphs.map((p) => p.id));

/** The first item of `type` in a quiz (or in the lessons' quizzes, not the diagnostic or final); throws when there is none. */
export function itemOfType(from: QuizFile | Pick<CourseContent, "quizzes">, type: ItemType): Item {
  const items = "items" in from ? from.items : from.quizzes.filter((q) => (q.role ?? "lesson") === "lesson" && !q.retired).flatMap((q) => q.items);
  const item = items.find((i) => i.type === type);
  if (!item) throw new Error(`the test content has no ${type} item`);
  return item;
}

/** A quiz's file inside the course folder (quizzes/NN-<lesson slug>.yaml), for contentWith(). */
export function quizFilePath(content: Pick<CourseContent, "lessons">, quiz: QuizFile): string {
  const lesson = lessonOf(content, quiz);
  return `quizzes/${String(lesson.order).padStart(2, "0")}-${lesson.slug}.yaml`;
}

/** The course's diagnostic pre-test or final assessment (role diagnostic | final); throws when it has none. */
export function quizOfRole(content: Pick<CourseContent, "quizzes">, role: "diagnostic" | "final"): QuizFile {
  const quiz = content.quizzes.find((q) => q.role === role);
  if (!quiz) throw new Error(`the test content has no ${role} quiz`);
  return quiz;
}

/** The first item of a quiz that `matches`, and the next ones: `itemsWhere(quiz, f)[n]`; throws when fewer than `n`. */
export function itemsWhere(quiz: QuizFile, what: string, matches: (i: Item) => boolean, n = 1): Item[] {
  const found = quiz.items.filter(matches);
  if (found.length < n) throw new Error(`quiz ${quiz.id} has ${found.length} item(s) with ${what}; the test needs ${n}`);
  return found;
}
