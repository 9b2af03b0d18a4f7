import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** A learner's FSRS card for one item. `card` is ts-fsrs's Card as JSON; `due` is copied out for queries. */
@Entity({ name: "review_card" })
export class ReviewCardRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  userId: string;

  @PrimaryColumn({ type: "varchar", length: 100 })
  itemId: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  due: Date;

  @Column({ type: "text" })
  card: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  updatedAt: Date;
}
