import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";
import type { LocalAnswer } from "../grading/grading.js";

/** One answer to one item version: in an attempt (PRACTICE, ASSESSMENT) or in a review (REVIEW, no attempt). */
@Entity({ name: "response" })
export class ResponseRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36, nullable: true })
  attemptId: string | null;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 100 })
  itemId: string;

  @Column({ type: "integer" })
  itemVersionId: number;

  @Column({ type: "varchar", length: 16 })
  mode: string;

  /** The raw answer as given, in the content's local ids. */
  @Column({ type: "simple-json" })
  answer: LocalAnswer;

  @Column({ type: "varchar", length: 16 })
  status: string;

  @Column({ type: "double precision", nullable: true })
  score: number | null;

  @Column({ type: "double precision" })
  maxScore: number;

  @Column({ type: "boolean", nullable: true })
  correct: boolean | null;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  answeredAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  gradedAt: Date | null;

  @Column({ type: "text", nullable: true })
  graderComment: string | null;

  @Column({ type: "varchar", length: 36, nullable: true })
  gradedBy: string | null;

  /** The id the client gave this answer (attempt answers only): the same id sent again is the same answer. */
  @Column({ type: "varchar", length: 36, nullable: true })
  clientAnswerId: string | null;

  /** A hand-graded essay's marks per rubric criterion ([{ criterionId, score, comment }]); null otherwise. */
  @Column({ type: "simple-json", nullable: true })
  rubricMarks: { criterionId: string; score: number; comment: string | null }[] | null;

  /** How sure the learner said they were, 1–3 (certainty-based marking, grading/cbm.ts); null when not asked or not given. */
  @Column({ type: "integer", nullable: true })
  certainty: number | null;

  /** Hints from the evidence the learner had used on this item of the attempt when answering (practice only). */
  @Column({ type: "integer", default: 0 })
  hintsUsed: number;

  /** Given in a live class session (issue 17): practice evidence from the room, attemptId null. */
  @Column({ type: "boolean", default: false })
  live: boolean;

  /** A compact signature of the answer for response distributions (see grading/answer-key.ts). */
  @Column({ type: "varchar", length: 200, nullable: true })
  answerKey: string | null;
}
