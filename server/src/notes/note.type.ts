/** GraphQL types of notes and highlights: a note with where it anchors in the current text, and its input. */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Locale } from "../shared/locale.js";

export enum NoteAnchorStatus {
  ANCHORED = "ANCHORED",
  CHANGED = "CHANGED",
  ORPHANED = "ORPHANED",
}
registerEnumType(NoteAnchorStatus, {
  name: "NoteAnchorStatus",
  description:
    "Where a note stands in the current text: ANCHORED (its quote, or its whole paragraph, is there), CHANGED (the quoted text changed; start/end cover the closest match), ORPHANED (the quote or the paragraph is gone: shown apart with its old quote).",
});

@ObjectType({ description: "A private note or highlight on a lesson paragraph (W3C Web Annotation: paragraph id, text quote, position hint)." })
export class Note {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  lessonSlug: string;

  @Field(() => String)
  paragraphId: string;

  @Field(() => Locale, { description: "The language of the text the note was made on." })
  language: Locale;

  @Field(() => String, { nullable: true, description: "The highlighted text as it was when the note was made; null: the whole paragraph." })
  quote: string | null;

  @Field(() => String, { description: "The learner's text; empty for a bare highlight." })
  body: string;

  @Field(() => NoteAnchorStatus)
  status: NoteAnchorStatus;

  @Field(() => Int, { nullable: true, description: "The span in the paragraph's current text (UTF-16 offsets); null for a whole paragraph or an orphan." })
  start: number | null;

  @Field(() => Int, { nullable: true })
  end: number | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@InputType({ description: "A new note (id made by the client, so that sending it twice is harmless) or new text for one of yours." })
export class SaveNoteInput {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  paragraphId: string;

  @Field(() => Locale)
  language: Locale;

  @Field(() => Int, { nullable: true, description: "Start of the highlighted span in the paragraph's text; start, end and exact are all absent for the whole paragraph." })
  start?: number | null;

  @Field(() => Int, { nullable: true })
  end?: number | null;

  @Field(() => String, { nullable: true })
  exact?: string | null;

  @Field(() => String)
  body: string;
}
