import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/**
 * A learner's mastery of one objective as an instructor sees it (every finished attempt counts at once),
 * kept current at write time so that class dashboards aggregate it in SQL. `state` lets a new practice or review
 * answer update it without reading the learner's history (mastery.query.ts applyAnswer).
 */
@Entity({ name: "objective_mastery" })
export class ObjectiveMasteryRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @PrimaryColumn({ type: "varchar", length: 100 })
  objectiveId: string;

  @Column({ type: "varchar", length: 16 })
  level: string;

  @Column({ type: "double precision" })
  fraction: number;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;

  /** What the next answer needs (progress/mastery.ts MasteryState) as JSON; null on rows from before it was kept. */
  @Column({ type: "text", nullable: true })
  state: string | null;
}
