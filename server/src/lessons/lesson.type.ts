import { Field, ID, Int, ObjectType } from "type-graphql";
import { Source } from "./source.type.js";
import { Quiz } from "../quizzes/quiz.type.js";

@ObjectType()
export class Objective {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;
}

@ObjectType({ description: "Where a key term of the lesson occurs in a paragraph's text (lessons/glossary-marks.ts)." })
export class TermMark {
  @Field(() => ID, { description: "The key term's id (Lesson.keyTerms)." })
  termId: string;

  @Field(() => Int, { description: "UTF-16 offset of the first character of the occurrence in Paragraph.text." })
  start: number;

  @Field(() => Int, { description: "UTF-16 offset just past the occurrence." })
  end: number;
}

@ObjectType()
export class Paragraph {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  text: string;

  @Field(() => [Int], { description: "The numbers of the article paragraphs this paragraph draws on." })
  sourceParagraphs: number[];

  @Field(() => [TermMark], { description: "The first occurrence of each of the lesson's key terms in this text, in text order." })
  terms: TermMark[];
}

@ObjectType()
export class LessonSection {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  heading: string;

  @Field(() => [Paragraph])
  paragraphs: Paragraph[];
}

@ObjectType()
export class KeyTerm {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  term: string;

  @Field(() => String)
  definition: string;
}

@ObjectType()
export class TimelineEntry {
  @Field(() => String, { description: "ISO date, possibly partial (2021, 2024-01) or a range (2025-02-17/2025-02-19)." })
  date: string;

  @Field(() => String)
  event: string;

  @Field(() => [Int])
  sourceParagraphs: number[];
}

@ObjectType({ description: "Where a context fact was checked: a public source named in the vetted fact sheet." })
export class ContextFactSource {
  @Field(() => String)
  title: string;

  @Field(() => String)
  publisher: string;

  @Field(() => String, { description: "As the source dates itself (ISO, possibly partial)." })
  date: string;

  @Field(() => String, { nullable: true })
  url: string | null;
}

@ObjectType({ description: "A fact beyond the article (content/context.yaml), in our words: never the article's claim." })
export class ContextFact {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: "ISO date, possibly partial or a range." })
  date: string;

  @Field(() => String, { description: "before: before the article appeared; after: what happened next." })
  when: string;

  @Field(() => String)
  text: string;

  @Field(() => [ContextFactSource])
  sources: ContextFactSource[];
}

@ObjectType()
export class Lesson {
  @Field(() => ID)
  slug: string;

  @Field(() => Int)
  order: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  summary: string;

  @Field(() => Int)
  estimatedMinutes: number;

  @Field(() => [Objective])
  objectives: Objective[];

  @Field(() => [LessonSection])
  sections: LessonSection[];

  @Field(() => [KeyTerm])
  keyTerms: KeyTerm[];

  @Field(() => [TimelineEntry])
  timeline: TimelineEntry[];

  @Field(() => [Source], { description: "The article's cited sources this lesson draws on." })
  sources: Source[];

  @Field(() => [ContextFact], { description: "Context beyond the article that came before it, shown apart from the lesson's text." })
  contextBefore: ContextFact[];

  @Field(() => [ContextFact], { description: "Context beyond the article: what happened next, shown apart from the lesson's text." })
  contextAfter: ContextFact[];

  @Field(() => Quiz)
  quiz: Quiz;

  @Field(() => Boolean, { description: "Retired by a restructure: readable in history and reports, no longer offered." })
  retired: boolean;
}
