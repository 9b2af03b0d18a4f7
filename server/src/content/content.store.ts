/**
 * The content being served: the imported snapshot, with its public (key-free) views precomputed per locale.
 * Content is immutable between imports, so lessons and quizzes are built once and read from memory.
 */
import type { Item, LessonFile, QuizFile } from "./content.schema.js";
import { quizRole } from "./content.schema.js";
import type { CourseContent } from "./content.model.js";
import { Locale, pick } from "../shared/locale.js";
import type { Course } from "../course/course.type.js";
import type { Source } from "../lessons/source.type.js";
import type { ContextFact, Lesson } from "../lessons/lesson.type.js";
import type { Quiz } from "../quizzes/quiz.type.js";
import type { GradingMethod, QuizRoleName, ReviewPolicy } from "../quizzes/quiz.enum.js";
import type { OptionIds } from "../quizzes/option-ids.js";
import { publicItem } from "../quizzes/quiz.view.js";
import { itemType } from "../items/registry.js";
import { glossaryMarks, termPatterns } from "../lessons/glossary-marks.js";
import type { TermMark, TermPatterns } from "../lessons/glossary-marks.js";

interface LocaleViews {
  course: Course;
  lessons: Map<string, Lesson>;
  quizzes: Map<string, Quiz>;
}

export interface ItemRecord {
  item: Item;
  quiz: QuizFile;
  /** The quiz's lesson; undefined for the diagnostic and the final, which belong to none. */
  lesson: LessonFile | undefined;
  /** Row id of the current version in quiz_item_version, and its version number. */
  versionId: number;
  version: number;
}

export class ContentStore {
  private readonly views: Record<Locale, LocaleViews>;
  private readonly items = new Map<string, ItemRecord>();
  private readonly byObjective = new Map<string, { itemId: string; points: number; essay: boolean }[]>();
  private readonly paragraphs = new Map<string, { lesson: LessonFile; text: { ar: string; en: string } }>();
  /** Retired objective → the live objective that absorbs its evidence (course.yaml retiredObjectives). */
  private readonly survivorOf: ReadonlyMap<string, string>;

  constructor(
    readonly content: CourseContent,
    versions: Map<string, { id: number; version: number }>,
    /** This database's option ids (keyed with its secret): every public view and every answer uses them. */
    readonly ids: OptionIds,
  ) {
    this.survivorOf = new Map(Object.entries(content.course.retiredObjectives ?? {}));
    for (const quiz of content.quizzes) {
      const lesson = content.lessons.find((l) => l.slug === quiz.lesson);
      for (const item of quiz.items) {
        const v = versions.get(item.id);
        if (!v) throw new Error(`item ${item.id} has no stored version; import content before serving it`);
        this.items.set(item.id, { item, quiz, lesson, versionId: v.id, version: v.version });
      }
    }
    for (const lesson of content.lessons)
      for (const s of lesson.sections) for (const p of s.paragraphs) this.paragraphs.set(p.id, { lesson, text: p.text });
    this.views = { [Locale.AR]: this.build(Locale.AR), [Locale.EN]: this.build(Locale.EN) } as Record<Locale, LocaleViews>;
  }

  get hash(): string {
    return this.content.hash;
  }

  course(locale: Locale): Course {
    return this.views[locale].course;
  }

  lesson(slug: string, locale: Locale): Lesson | null {
    return this.views[locale].lessons.get(slug) ?? null;
  }

  quiz(id: string, locale: Locale): Quiz | null {
    return this.views[locale].quizzes.get(id) ?? null;
  }

  /** The full item, key included, for grading on the server. */
  item(id: string): ItemRecord | undefined {
    return this.items.get(id);
  }

  quizFile(id: string): QuizFile | undefined {
    return this.content.quizzes.find((q) => q.id === id);
  }

  /** The lessons learners are offered, in teaching order (retired ones excluded). */
  liveLessons(): readonly LessonFile[] {
    return this.content.lessons.filter((l) => !l.retired);
  }

  /** Whether a quiz was retired (with its lesson); an unknown id is not "retired". */
  quizRetired(id: string): boolean {
    return this.quizFile(id)?.retired === true;
  }

  lessonRetired(slug: string): boolean {
    return this.content.lessons.find((l) => l.slug === slug)?.retired === true;
  }

  /**
   * The items of the lessons' quizzes that assess an objective, with their points (for mastery): those that name
   * it, and those that name a retired objective mapped onto it, so that a learner's earlier evidence follows the
   * restructure. The diagnostic and the final are left out: they measure the gain (shared/gain.ts), and a
   * pre-test taken before the lessons must not hold mastery down.
   */
  objectiveItems(objectiveId: string): { itemId: string; points: number; essay: boolean }[] {
    let list = this.byObjective.get(objectiveId);
    if (!list) {
      list = this.content.quizzes
        .filter((q) => quizRole(q) === "lesson")
        .flatMap((q) => q.items)
        .filter((i) => i.objectives.some((o) => o === objectiveId || this.survivorOf.get(o) === objectiveId))
        .map((i) => ({ itemId: i.id, points: i.points, essay: itemType(i).handGraded }));
      this.byObjective.set(objectiveId, list);
    }
    return list;
  }

  paragraph(id: string): { lesson: LessonFile; text: { ar: string; en: string } } | undefined {
    return this.paragraphs.get(id);
  }

  private build(locale: Locale): LocaleViews {
    const { course: c, lessons, quizzes } = this.content;
    const sources = new Map<string, Source>(
      c.sources.map((s) => [s.id, { id: s.id, n: s.n, title: pick(s.title, locale), publisher: pick(s.publisher, locale), date: s.date, url: s.url }]),
    );
    const quizViews = new Map<string, Quiz>();
    for (const q of quizzes) {
      quizViews.set(q.id, {
        id: q.id,
        lessonSlug: q.lesson ?? null,
        role: quizRole(q).toUpperCase() as QuizRoleName,
        title: pick(q.title, locale),
        settings: {
          maxAttempts: q.settings.maxAttempts,
          timeLimitMinutes: q.settings.timeLimitMinutes ?? null,
          gradingMethod: q.settings.gradingMethod as GradingMethod,
          reviewPolicy: q.settings.reviewPolicy as ReviewPolicy,
          closesAt: q.settings.closesAt ? new Date(q.settings.closesAt) : null,
        },
        items: q.items.map((item) => publicItem(this.ids, item, locale, this.items.get(item.id)!.version)),
        retired: q.retired === true,
      });
    }
    const facts = new Map<string, ContextFact>(
      this.content.context.facts.map((f) => [
        f.id,
        { id: f.id, date: f.date, when: f.when, text: pick(f.text, locale), sources: f.sources.map((s) => ({ title: s.title, publisher: s.publisher, date: s.date, url: s.url ?? null })) },
      ]),
    );
    const factsOf = (ids: string[] | undefined) => (ids ?? []).flatMap((id) => facts.get(id) ?? []);
    const lessonViews = new Map<string, Lesson>();
    for (const l of lessons) {
      // Where the key terms occur is found when a paragraph's terms are first read (a lesson query), not at start.
      let patterns: TermPatterns | undefined;
      const lessonTerms = () => (patterns ??= termPatterns(l.keyTerms.map((t) => ({ id: t.id, term: pick(t.term, locale) }))));
      lessonViews.set(l.slug, {
        slug: l.slug,
        order: l.order,
        title: pick(l.title, locale),
        summary: pick(l.summary, locale),
        estimatedMinutes: l.estimatedMinutes,
        objectives: l.objectives.map((o) => ({ id: o.id, text: pick(o.text, locale) })),
        sections: l.sections.map((s) => ({
          id: s.id,
          heading: pick(s.heading, locale),
          paragraphs: s.paragraphs.map((p) => {
            const text = pick(p.text, locale);
            let terms: TermMark[] | undefined;
            return {
              id: p.id,
              text,
              sourceParagraphs: [...p.sourceParagraphs],
              get terms() {
                return (terms ??= glossaryMarks(text, lessonTerms()));
              },
            };
          }),
        })),
        keyTerms: l.keyTerms.map((t) => ({ id: t.id, term: pick(t.term, locale), definition: pick(t.definition, locale) })),
        timeline: l.timeline.map((t) => ({ date: t.date, event: pick(t.event, locale), sourceParagraphs: [...t.sourceParagraphs] })),
        sources: l.sources.map((id) => sources.get(id)!),
        contextBefore: factsOf(l.context?.before),
        contextAfter: factsOf(l.context?.after),
        quiz: quizViews.get(l.quiz)!,
        retired: l.retired === true,
      });
    }
    const course: Course = {
      id: c.id,
      title: pick(c.title, locale),
      description: pick(c.description, locale),
      audience: pick(c.audience, locale),
      article: { title: pick(c.article.title, locale), language: c.article.language },
      sources: [...sources.values()].sort((a, b) => a.n - b.n),
      lessons: lessons.filter((l) => !l.retired).map((l) => lessonViews.get(l.slug)!),
      retiredLessons: lessons.filter((l) => l.retired).map((l) => lessonViews.get(l.slug)!),
      diagnostic: quizViews.get(quizzes.find((q) => quizRole(q) === "diagnostic")?.id ?? "") ?? null,
      final: quizViews.get(quizzes.find((q) => quizRole(q) === "final")?.id ?? "") ?? null,
    };
    return { course, lessons: lessonViews, quizzes: quizViews };
  }
}
