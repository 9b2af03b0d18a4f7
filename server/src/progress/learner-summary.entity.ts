import { Column, Entity, PrimaryColumn } from "typeorm";

/** Read model for the class "needs help" list; see learner-summary.ts. */
@Entity({ name: "learner_summary" })
export class LearnerSummaryRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @Column({ type: "integer" })
  lessonsCompleted: number;

  @Column({ type: "integer" })
  weakObjectives: number;

  @Column({ type: "double precision", nullable: true })
  averageBest: number | null;
}
