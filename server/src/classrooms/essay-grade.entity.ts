import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** One mark of a rubric criterion, as stored (response."rubricMarks" and the history). */
export interface StoredRubricMark {
  criterionId: string;
  score: number;
  comment: string | null;
}

/**
 * The history of an essay's hand grades: a row per grade given (the first and every regrade), never updated,
 * so a regrade never loses what the learner was told before. The current grade is also on the response.
 */
@Entity({ name: "essay_grade" })
export class EssayGradeRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  responseId: string;

  @Column({ type: "double precision" })
  score: number;

  /** null: graded with one total (before rubric grading, or without marks). */
  @Column({ type: "simple-json", nullable: true })
  rubricMarks: StoredRubricMark[] | null;

  @Column({ type: "text", nullable: true })
  comment: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  gradedBy: string | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  gradedAt: Date;
}
