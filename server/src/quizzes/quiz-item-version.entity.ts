import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/**
 * An immutable version of one quiz item, key included. A changed item gets a new row and old rows stay,
 * so every stored answer points at exactly the version it answered. Never exposed through GraphQL.
 */
@Entity({ name: "quiz_item_version" })
@Index("uq_item_version", ["itemId", "version"], { unique: true })
export class QuizItemVersion {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "varchar", length: 100 })
  itemId: string;

  @Column({ type: "varchar", length: 100 })
  quizId: string;

  @Column({ type: "integer" })
  version: number;

  @Column({ type: "varchar", length: 64 })
  hash: string;

  @Column({ type: "varchar", length: 20 })
  type: string;

  @Column({ type: "double precision" })
  points: number;

  /** The whole item as validated from content/ (prompt, options, key, explanation, evidence). */
  @Column({ type: "text" })
  payload: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}
