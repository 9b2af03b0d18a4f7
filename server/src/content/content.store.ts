/**
 * The content being served: the imported snapshot, with its public (key-free) views precomputed per locale.
 * Content is immutable between imports, so lessons and quizzes are built once and read from memory.
 */
import type { Item, LessonFile, QuizFile } from "./content.schema.js";
import type { CourseContent } from "./content.model.js";
import { Locale, pick } from "../shared/locale.js";
import type { Course } from "../course/course.type.js";
import type { Source } from "../lessons/source.type.js";
import type { ContextFact, Lesson } from "../lessons/lesson.type.js";
import type { Quiz } from "../quizzes/quiz.type.js";
import type { GradingMethod, ReviewPolicy } from "../quizzes/quiz.enum.js";
import type { OptionIds } from "../quizzes/option-ids.js";
import { publicItem } from "../quizzes/quiz.view.js";
import { itemType } from "../items/registry.js";
import { glossaryMarks } from "../lessons/glossary-marks.js";

interface LocaleViews {
  course: Course;
  lessons: Map<string, Lesson>;
  quizzes: Map<string, Quiz>;
}

export interface ItemRecord {
  item: Item;
  quiz: QuizFile;
  lesson: LessonFile;
  /** Row id of the current version in quiz_item_version, and its version number. */
  versionId: number;
  version: number;
}

export class ContentStore {
  private readonly views: Record<Locale, LocaleViews>;
  private readonly items = new Map<string, ItemRecord>();
  private readonly byObjective = new Map<string, { itemId: string; points: number; essay: boolean }[]>();
  private readonly paragraphs = new Map<string, { lesson: LessonFile; text: { ar: string; en: string } }>();

  constructor(
    readonly content: CourseContent,
    versions: Map<string, { id: number; version: number }>,
    /** This database's option ids (keyed with its secret): every public view and every answer uses them. */
    readonly ids: OptionIds,
  ) {
    for (const quiz of content.quizzes) {
      for (const item of quiz.items) {
        // A course-level quiz (diagnostic, final) has no lesson: its item belongs to its first objective's lesson.
        const lesson = content.lessons.find((l) => (quiz.lesson !== undefined ? l.slug === quiz.lesson : l.objectives.some((o) => o.id === item.objectives[0])))!;
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

  /** The items that assess an objective, with their points (for mastery). */
  objectiveItems(objectiveId: string): { itemId: string; points: number; essay: boolean }[] {
    let list = this.byObjective.get(objectiveId);
    if (!list) {
      list = this.content.quizzes
        .flatMap((q) => q.items)
        .filter((i) => i.objectives.includes(objectiveId))
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
        lessonSlug: q.lesson ?? "",
        title: pick(q.title, locale),
        settings: {
          maxAttempts: q.settings.maxAttempts,
          timeLimitMinutes: q.settings.timeLimitMinutes ?? null,
          gradingMethod: q.settings.gradingMethod as GradingMethod,
          reviewPolicy: q.settings.reviewPolicy as ReviewPolicy,
          closesAt: q.settings.closesAt ? new Date(q.settings.closesAt) : null,
        },
        items: q.items.map((item) => publicItem(this.ids, item, locale, this.items.get(item.id)!.version)),
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
          paragraphs: s.paragraphs.map((p) => ({
            id: p.id,
            text: pick(p.text, locale),
            sourceParagraphs: [...p.sourceParagraphs],
            terms: glossaryMarks(pick(p.text, locale), l.keyTerms.map((t) => ({ id: t.id, term: pick(t.term, locale) }))),
          })),
        })),
        keyTerms: l.keyTerms.map((t) => ({ id: t.id, term: pick(t.term, locale), definition: pick(t.definition, locale) })),
        timeline: l.timeline.map((t) => ({ date: t.date, event: pick(t.event, locale), sourceParagraphs: [...t.sourceParagraphs] })),
        sources: l.sources.map((id) => sources.get(id)!),
        contextBefore: factsOf(l.context?.before),
        contextAfter: factsOf(l.context?.after),
        quiz: quizViews.get(l.quiz)!,
      });
    }
    const course: Course = {
      id: c.id,
      title: pick(c.title, locale),
      description: pick(c.description, locale),
      audience: pick(c.audience, locale),
      article: { title: pick(c.article.title, locale), language: c.article.language },
      sources: [...sources.values()].sort((a, b) => a.n - b.n),
      lessons: lessons.map((l) => lessonViews.get(l.slug)!),
    };
    return { course, lessons: lessonViews, quizzes: quizViews };
  }
}
