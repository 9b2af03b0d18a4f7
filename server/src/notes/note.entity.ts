import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/**
 * A learner's private note or highlight on a lesson paragraph, anchored as a W3C Web Annotation: the paragraph
 * (its id, and the language of the text it was made on) and, for a span, a TextQuoteSelector (exact, prefix,
 * suffix) with a TextPositionSelector (startOffset, endOffset) as a hint; no quote means the whole paragraph.
 * Re-anchored against the current text on every read (notes/anchor.ts). The id is made by the client, so a
 * note sent twice from the offline outbox is the same note.
 */
@Entity({ name: "note" })
@Index("IDX_note_user_lesson", ["userId", "lessonSlug"])
export class NoteRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 100 })
  lessonSlug: string;

  @Column({ type: "varchar", length: 100 })
  paragraphId: string;

  /** "ar" or "en": the text the quote was taken from. */
  @Column({ type: "varchar", length: 2 })
  language: string;

  @Column({ type: "text", nullable: true })
  exact: string | null;

  @Column({ type: "text", nullable: true })
  prefix: string | null;

  @Column({ type: "text", nullable: true })
  suffix: string | null;

  @Column({ type: "integer", nullable: true })
  startOffset: number | null;

  @Column({ type: "integer", nullable: true })
  endOffset: number | null;

  /** The learner's text; empty for a bare highlight. */
  @Column({ type: "text" })
  body: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;
}
