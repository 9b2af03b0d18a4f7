import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** How one attempt presents its quiz: item order, each item's version and option orders (public ids). */
export interface AttemptLayout {
  items: { itemId: string; versionId: number; version: number; choices: string[]; targets: string[] }[];
}

@Entity({ name: "attempt" })
export class AttemptRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "varchar", length: 100 })
  quizId: string;

  @Column({ type: "varchar", length: 16 })
  mode: string;

  @Column({ type: "varchar", length: 16 })
  state: string;

  @Column({ type: "varchar", length: 2 })
  locale: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  startedAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  finishedAt: Date | null;

  /** When the server finishes the attempt by itself; null when untimed. */
  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  deadline: Date | null;

  @Column({ type: "double precision", nullable: true })
  score: number | null;

  @Column({ type: "double precision", nullable: true })
  maxScore: number | null;

  @Column({ type: "simple-json" })
  layout: AttemptLayout;

  @Column({ type: "varchar", length: 250, nullable: true, unique: true })
  openKey: string | null;

  /** 1 for the learner's first attempt of this quiz in this mode, 2 for the second, … */
  @Column({ type: "integer", default: 1 })
  attemptNumber: number;

  /** An assessment finished after the due date of the learner's class assignment, under a policy that marks it. */
  @Column({ type: "boolean", default: false })
  late: boolean;
}
