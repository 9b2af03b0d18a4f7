import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/**
 * How many hints from the evidence a learner has used on one item of a practice attempt (0–2: the lesson
 * section, then the paragraph). Kept apart from the response, which may not exist yet; copied onto the
 * response when the learner answers (ResponseRow.hintsUsed).
 */
@Entity({ name: "item_hint" })
export class ItemHintRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  attemptId: string;

  @PrimaryColumn({ type: "varchar", length: 100 })
  itemId: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "integer" })
  used: number;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;
}
