import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../../server/src/database.js";
import { WriteQueue } from "../../../server/src/db/write-queue.js";

let dir: string;
let db: DataSource;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "queue-"));
  db = await openDatabase({ dataDir: dir });
  await db.query(`CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL)`);
});
afterEach(async () => {
  await db.destroy();
  await rm(dir, { recursive: true, force: true });
});

const rows = async () => (await db.query(`SELECT id FROM probe ORDER BY id`)).map((r: { id: number }) => r.id);

describe("WriteQueue (group commit)", () => {
  it("should commit 50 concurrent writers, in fewer transactions than writes, with no failure", async () => {
    const q = new WriteQueue(db);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => q.run((em) => em.query(`INSERT INTO probe (id, v) VALUES (?, ?)`, [i, `w${i}`]))));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await rows()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(q.stats.writes).toBe(50);
    expect(q.stats.transactions).toBeLessThan(50);
  });

  it("should roll back a failing write alone and tell only its caller", async () => {
    const q = new WriteQueue(db);
    const a = q.run((em) => em.query(`INSERT INTO probe (id, v) VALUES (1, 'a')`));
    const b = q.run(async (em) => {
      await em.query(`INSERT INTO probe (id, v) VALUES (2, 'b')`);
      throw new Error("business rule says no");
    });
    const c = q.run((em) => em.query(`INSERT INTO probe (id, v) VALUES (3, 'c')`));
    await expect(b).rejects.toThrow("business rule says no");
    await a;
    await c;
    expect(await rows()).toEqual([1, 3]);
  });

  it("should keep arrival order inside a group", async () => {
    const q = new WriteQueue(db);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 20 }, (_, i) => q.run(async () => void order.push(i))));
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("should acknowledge nobody in a group whose commit fails", async () => {
    const q = new WriteQueue(db);
    // A deferred foreign-key-like failure at commit time: violate a constraint checked at COMMIT.
    await db.query(`CREATE TABLE parent (id INTEGER PRIMARY KEY)`);
    await db.query(`CREATE TABLE child (id INTEGER PRIMARY KEY, p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)`);
    // Hold the queue so that the next two writes form one group.
    let open!: () => void;
    let running!: () => void;
    const started = new Promise<void>((r) => (running = r));
    const gate = q.run(
      () =>
        new Promise<void>((r) => {
          open = r;
          running();
        }),
    );
    await started;
    const ok = q.run((em) => em.query(`INSERT INTO probe (id, v) VALUES (10, 'x')`));
    const bad = q.run((em) => em.query(`INSERT INTO child (id, p) VALUES (1, 999)`));
    open();
    await gate;
    const results = await Promise.allSettled([ok, bad]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await rows()).toEqual([]);
  });
});
