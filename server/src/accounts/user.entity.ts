import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "../db/columns.js";

@Entity({ name: "user" })
export class UserRow {
  @PrimaryColumn({ type: "varchar", length: 36 })
  id: string;

  /** Lower-cased and trimmed; unique. */
  @Column({ type: "varchar", length: 254, unique: true })
  email: string;

  @Column({ type: "varchar", length: 80 })
  displayName: string;

  /** The Arabic-folded name (identity-keys.ts): collisions, search and order; filled on insert and rename. */
  @Column({ type: "varchar", length: 160, nullable: true })
  nameKey: string | null;

  /** "L-" and 6 characters from the account id (identity-keys.ts); filled on insert. */
  @Column({ type: "varchar", length: 8, nullable: true })
  learnerCode: string | null;

  @Column({ type: "varchar", length: 16 })
  role: string;

  @Column({ type: "varchar", length: 2 })
  locale: string;

  /** scrypt$<log2 N>$<r>$<p>$<salt>$<hash>, see password.ts. Never exposed. */
  @Column({ type: "varchar", length: 300 })
  passwordHash: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}
