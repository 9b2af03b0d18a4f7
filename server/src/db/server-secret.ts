/**
 * Secrets of the whole deployment (not of one process), kept in the database: generated once (by the
 * ServerSecrets migration, or here if a database lacks the row), then read by every instance at startup.
 * Never exposed through GraphQL, never exported.
 */
import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { isoDate } from "./columns.js";
import { sql } from "./sql.js";
import type { WriteQueue } from "./write-queue.js";

@Entity({ name: "server_secret" })
export class ServerSecretRow {
  @PrimaryColumn({ type: "varchar", length: 64 })
  name: string;

  /** 32 random bytes, hex. */
  @Column({ type: "varchar", length: 128 })
  value: string;

  @Column({ type: "varchar", length: 32, transformer: isoDate })
  createdAt: Date;
}

/** The named secret; created (once, whoever comes first) when missing. */
export async function serverSecret(db: DataSource, writes: WriteQueue, name: string): Promise<Buffer> {
  const read = async () => (await sql<{ value: string }>(db, `SELECT value FROM server_secret WHERE name = ?`, [name]))[0]?.value;
  let value = await read();
  if (!value) {
    await writes.run((em) =>
      sql(em, `INSERT INTO server_secret (name, value, "createdAt") VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`, [name, randomBytes(32).toString("hex"), new Date().toISOString()]),
    );
    value = await read();
  }
  if (!value) throw new Error(`server secret "${name}" could not be created`);
  return Buffer.from(value, "hex");
}
