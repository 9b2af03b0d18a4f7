/** The cluster bus on PostgreSQL: delivery to every instance, order kept, and a lost connection made again. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { openDatabase } from "../../../server/src/database.js";
import { PgNotifyBus } from "../../../server/src/db/pg-notify-bus.js";
import type { Schedule } from "../../../server/src/db/pg-notify-bus.js";
import type { ClusterMessage } from "../../../server/src/shared/cluster-bus.js";
import { createPostgresDatabase } from "../../helpers/test-database.js";

let db: DataSource;
let url: string;
let drop: () => Promise<void>;
const buses: PgNotifyBus[] = [];
beforeEach(async () => {
  const created = await createPostgresDatabase();
  ({ url, drop } = created);
  db = await openDatabase({ databaseUrl: url });
});
afterEach(async () => {
  for (const b of buses.splice(0)) await b.close();
  await db.destroy();
  await drop();
});

const quiet = () => {};
/** Reconnects at once: the test controls time, it never waits on the real backoff. */
const atOnce: Schedule = (fn) => {
  const t = setImmediate(fn);
  return { cancel: () => clearImmediate(t) };
};

async function bus(): Promise<PgNotifyBus> {
  const b = await PgNotifyBus.connect(url, db, quiet, atOnce);
  buses.push(b);
  return b;
}

/** Collects one bus's messages; `until(n)` waits (at most 10 s) for n of them. */
function collect(b: PgNotifyBus) {
  const got: ClusterMessage[] = [];
  let wake: (() => void) | null = null;
  b.subscribe((m) => {
    got.push(m);
    wake?.();
  });
  const until = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`only ${got.length} of ${n} messages after 10 s`)), 10_000);
      const check = () => (got.length >= n ? (clearTimeout(guard), resolve()) : (wake = check));
      check();
    });
  return { got, until };
}

const session = (i: number): ClusterMessage => ({ topic: "sessions", userId: `u${i}`, sessionId: null });

describe("PgNotifyBus (LISTEN/NOTIFY)", () => {
  it("should deliver one instance's messages to every instance, itself included, in the order sent", async () => {
    const [one, two] = [await bus(), await bus()];
    const [atOne, atTwo] = [collect(one), collect(two)];
    for (let i = 0; i < 20; i++) one.publish(session(i));
    await atOne.until(20);
    await atTwo.until(20);
    expect(atTwo.got).toEqual(Array.from({ length: 20 }, (_, i) => session(i)));
    expect(atOne.got).toEqual(atTwo.got);
  });

  it("should carry a burst of 2,000 messages in order, many to a notification", async () => {
    const [one, two] = [await bus(), await bus()];
    const atTwo = collect(two);
    const burst = Array.from({ length: 2000 }, (_, i) => session(i));
    for (const m of burst) one.publish(m);
    await atTwo.until(2000);
    expect(atTwo.got).toEqual(burst);
    await one.flushed(); // a notification can arrive before its sender's query has returned
    expect(one.stats.messages).toBe(2000);
    // Each notification holds as many as fit in 7,900 bytes (~40 bytes each here): far fewer than 2,000.
    expect(one.stats.notifications).toBeLessThan(100);
  });

  it("should connect again after its connection is killed, and deliver again", async () => {
    const [listener, sender] = [await bus(), await bus()];
    const heard = collect(listener);
    const killed = await db.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'course-cluster-bus' AND datname = current_database()`);
    expect(killed.length).toBe(2);
    const started = Date.now();
    while ((listener.connections < 2 || sender.connections < 2) && Date.now() - started < 10_000) await new Promise((r) => setImmediate(r));
    expect([listener.connections, sender.connections]).toEqual([2, 2]);
    sender.publish(session(1));
    await heard.until(1);
    expect(heard.got).toEqual([session(1)]);
  });
});
