import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * How many of a learner's review cards fall due on one UTC day ('YYYY-MM-DD'), kept with every card written
 * (review.service.ts scheduleReview), for the daily cap (scheduler.ts spreadDue). A count brought back to zero
 * stays as a row of 0.
 */
@Entity({ name: "review_day" })
export class ReviewDayRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @PrimaryColumn({ type: "varchar", length: 10 })
  day: string;

  @Column({ type: "integer" })
  cards: number;
}
