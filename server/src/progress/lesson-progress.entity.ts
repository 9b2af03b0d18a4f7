import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

@Entity({ name: "lesson_progress" })
export class LessonProgressRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @PrimaryColumn({ type: "varchar", length: 100 })
  lessonSlug: string;

  @Column({ type: "varchar", length: 16 })
  status: string;

  /** Where to resume: the last paragraph the learner reached. */
  @Column({ type: "varchar", length: 100, nullable: true })
  lastParagraphId: string | null;

  /** Paragraph ids reached so far (JSON array). */
  @Column({ type: "simple-json" })
  paragraphsSeen: string[];

  @Column({ type: "integer" })
  timeSpentSeconds: number;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  startedAt: Date;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;

  @Column({ type: "varchar", length: 32, nullable: true, transformer: isoDate })
  completedAt: Date | null;
}
