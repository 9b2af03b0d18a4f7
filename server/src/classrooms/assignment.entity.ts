import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** A lesson or a quiz assigned to a class, open from `opensAt`, due at `dueAt` (instants, UTC). */
@Entity({ name: "assignment" })
export class AssignmentRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  @Column({ type: "varchar", length: 36 })
  classroomId: string;

  /** LESSON or QUIZ. */
  @Column({ type: "varchar", length: 16 })
  kind: string;

  /** The lesson's slug or the quiz's id. */
  @Column({ type: "varchar", length: 100 })
  targetId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  opensAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  dueAt: Date;

  /** ACCEPT, ACCEPT_MARKED_LATE or REFUSE (attempts/assignment-terms.ts). */
  @Column({ type: "varchar", length: 24 })
  latePolicy: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;
}
