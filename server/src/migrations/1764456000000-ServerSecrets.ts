import { createHash, createHmac, randomBytes } from "node:crypto";
import { Table } from "typeorm";
import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Server secrets, generated once and kept in the database so that every instance sharing it (and every
 * restart) derives the same values. The first is "option-ids": public option ids and the public option order
 * become HMACs with it instead of SHA-256 of public data (whose local ids could be guessed, recovering keys
 * from the public quiz).
 *
 * Stored data: responses keep their answers in the content's local ids, so they stay gradable and readable
 * as they are. Only attempt layouts hold public ids (each attempt's option order); they are rewritten here
 * from the old ids to the new ones, so open attempts keep their order and finished ones still show their
 * options. Both formulas are frozen copies (a migration imports nothing from the app): the new one must match
 * OptionIds.option in server/src/quizzes/option-ids.ts.
 */
export const SECRET_NAME = "option-ids";

const oldId = (itemId: string, local: string) => `${itemId}.${createHash("sha256").update(`option:${itemId}:${local}`).digest("hex").slice(0, 8)}`;
const newId = (secret: Buffer) => (itemId: string, local: string) =>
  `${itemId}.${createHmac("sha256", secret).update(`option:${itemId}:${local}`).digest("hex").slice(0, 12)}`;

interface StoredItem {
  id: string;
  type: string;
  choices?: { id: string }[];
  sequence?: { id: string }[];
  pairs?: { left: { id: string }; right: { id: string } }[];
  distractors?: { id: string }[];
}
interface Layout {
  items: { itemId: string; versionId: number; choices: string[]; targets: string[] }[];
}

/** The local ids of an item's options (true/false has none: its ids never depended on a hash). */
function localIds(item: StoredItem): string[] {
  return [
    ...(item.choices ?? []).map((c) => c.id),
    ...(item.sequence ?? []).map((s) => s.id),
    ...(item.pairs ?? []).flatMap((p) => [p.left.id, p.right.id]),
    ...(item.distractors ?? []).map((d) => d.id),
  ];
}

export class ServerSecrets1764456000000 implements MigrationInterface {
  name = "ServerSecrets1764456000000";

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: "server_secret",
        columns: [
          { name: "name", type: "varchar", length: "64", isPrimary: true },
          { name: "value", type: "varchar", length: "128" },
          { name: "createdAt", type: "varchar", length: "32" },
        ],
      }),
    );
    const secret = randomBytes(32);
    await q.query(`INSERT INTO server_secret (name, value, "createdAt") VALUES (${this.p(q, 1)}, ${this.p(q, 2)}, ${this.p(q, 3)})`, [
      SECRET_NAME,
      secret.toString("hex"),
      new Date().toISOString(),
    ]);
    await this.rewriteLayouts(q, oldId, newId(secret));
  }

  async down(q: QueryRunner): Promise<void> {
    const [row] = (await q.query(`SELECT value FROM server_secret WHERE name = ${this.p(q, 1)}`, [SECRET_NAME])) as { value: string }[];
    if (row) await this.rewriteLayouts(q, newId(Buffer.from(row.value, "hex")), oldId);
    await q.dropTable("server_secret");
  }

  private p(q: QueryRunner, n: number): string {
    return q.connection.options.type === "postgres" ? `$${n}` : "?";
  }

  /** Maps every public id in every attempt layout from one formula to the other, a page of attempts at a time. */
  private async rewriteLayouts(q: QueryRunner, from: (itemId: string, local: string) => string, to: (itemId: string, local: string) => string): Promise<void> {
    const maps = new Map<number, Map<string, string>>();
    const mapFor = async (versionId: number): Promise<Map<string, string>> => {
      let m = maps.get(versionId);
      if (!m) {
        const [v] = (await q.query(`SELECT payload FROM quiz_item_version WHERE id = ${this.p(q, 1)}`, [versionId])) as { payload: string }[];
        const item = v ? (JSON.parse(v.payload) as StoredItem) : null;
        m = new Map(item ? localIds(item).map((local) => [from(item.id, local), to(item.id, local)]) : []);
        maps.set(versionId, m);
      }
      return m;
    };
    let after = "";
    for (;;) {
      const page = (await q.query(`SELECT id, layout FROM attempt WHERE id > ${this.p(q, 1)} ORDER BY id LIMIT 500`, [after])) as { id: string; layout: string }[];
      if (page.length === 0) return;
      for (const row of page) {
        const layout = JSON.parse(row.layout) as Layout;
        let changed = false;
        for (const slot of layout.items ?? []) {
          const m = await mapFor(slot.versionId);
          const swap = (ids: string[]) =>
            (ids ?? []).map((id) => {
              const next = m.get(id);
              if (next !== undefined && next !== id) changed = true;
              return next ?? id;
            });
          slot.choices = swap(slot.choices);
          slot.targets = swap(slot.targets);
        }
        if (changed) await q.query(`UPDATE attempt SET layout = ${this.p(q, 1)} WHERE id = ${this.p(q, 2)}`, [JSON.stringify(layout), row.id]);
      }
      after = page[page.length - 1].id;
    }
  }
}
