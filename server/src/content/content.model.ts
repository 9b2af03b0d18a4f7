import type { ContextFile, CourseFile, LessonFile, QuizFile } from "./content.schema.js";
import type { ActorsFile } from "./actors.schema.js";

export interface ArticleParagraphs {
  title: string;
  paragraphs: { n: number; section: string; text: string }[];
  sources: { n: number; title: string; publisher: string; date: string; url: string }[];
}

/** One validated, hashed snapshot of content/. */
export interface CourseContent {
  readonly hash: string;
  readonly course: CourseFile;
  readonly lessons: readonly LessonFile[];
  readonly quizzes: readonly QuizFile[];
  readonly article: ArticleParagraphs;
  /** content/context.yaml: facts beyond the article (none when the file is absent). */
  readonly context: ContextFile;
  /** content/actors.yaml, the actor-relations map (empty when the course has none). */
  readonly actors: ActorsFile;
}

/** What the cross-file rules (content.validate.ts) and the editorial rules (content.review.ts) read. */
export interface ContentInput {
  course: CourseFile;
  lessons: LessonFile[];
  quizzes: QuizFile[];
  article: ArticleParagraphs;
  context: ContextFile;
}

export interface ContentProblem {
  /** Path relative to the project root, e.g. content/lessons/01-<lesson slug>.yaml */
  file: string;
  /** Where inside the file: a property path such as items[3].choices, or a YAML line. */
  path: string;
  message: string;
}

export class ContentValidationError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `Content is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems.map((p) => `  ${p.file}: ${p.path}: ${p.message}`).join("\n"),
    );
    this.name = "ContentValidationError";
  }
}
