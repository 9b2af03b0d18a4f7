/**
 * What the bench and the soak read and answer, chosen from the loaded content by shape rather than by id, so
 * that they keep running when the course is rewritten (lessons merged, items replaced, ids changed).
 */
import type { CourseContent } from "../../server/src/content/content.model.js";
import type { LessonFile, QuizFile } from "../../server/src/content/content.schema.js";

/** The lesson of median size (its JSON length): a typical lesson read, neither the shortest nor the longest. */
export function medianLesson(content: Pick<CourseContent, "lessons">, skip: (l: LessonFile) => boolean = () => false): LessonFile {
  // Retired lessons are history, not what readers open: never the one measured.
  const lessons = content.lessons.filter((l) => !l.retired && !skip(l)).sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  if (lessons.length === 0) throw new Error("the content has no lesson to read");
  return lessons[Math.floor((lessons.length - 1) / 2)];
}

/**
 * A quiz and its short-answer items that a PRACTICE attempt asks (a short answer's text can be anything, so
 * each submission is cheap to make distinct): the given lesson's quiz if it has some, else the first that does.
 */
export function practiceShortAnswers(content: Pick<CourseContent, "quizzes" | "lessons">, preferLesson?: LessonFile): { quiz: QuizFile; itemIds: string[] } {
  const shortOf = (q: QuizFile) => q.items.filter((i) => i.type === "SHORT_ANSWER" && i.pool !== "assessment").map((i) => i.id);
  const ordered = content.lessons
    .map((l) => content.quizzes.find((q) => q.id === l.quiz))
    .filter((q): q is QuizFile => q !== undefined && !q.retired); // a retired quiz takes no new attempt
  const preferred = preferLesson ? ordered.find((q) => q.id === preferLesson.quiz) : undefined;
  const quiz = [...(preferred ? [preferred] : []), ...ordered].find((q) => shortOf(q).length > 0);
  if (!quiz) throw new Error("the content has no short-answer item in a practice pool");
  return { quiz, itemIds: shortOf(quiz) };
}
