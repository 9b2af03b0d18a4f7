import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

/** One imported state of content/, keyed by its hash. The newest row is the content being served. */
@Entity({ name: "content_release" })
export class ContentRelease {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ type: "varchar", length: 64, unique: true })
  hash: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  importedAt: Date;

  @Column({ type: "integer" })
  itemCount: number;
}
