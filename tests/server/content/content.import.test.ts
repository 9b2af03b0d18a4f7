/** Content import on the project's engine: an SQLite file, or a PostgreSQL database of its own in the pg project. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../../server/src/content/content.import.js";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { openDatabase } from "../../../server/src/database.js";
import { sql } from "../../../server/src/db/sql.js";
import { WriteQueue } from "../../../server/src/db/write-queue.js";
import { QuizItemVersion } from "../../../server/src/quizzes/quiz-item-version.entity.js";
import { ContentRelease } from "../../../server/src/content/content-release.entity.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { changeMarker } from "../../helpers/change-marker.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import type { ScratchDatabase } from "../../helpers/test-database.js";
import { onPostgres, scratchDatabase } from "../../helpers/test-database.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";

let target: ScratchDatabase;
beforeEach(async () => {
  target = await scratchDatabase("import-test-");
});
afterEach(async () => {
  await target.dispose();
});

describe("content import", () => {
  it("should write nothing when the server starts again on unchanged content", async () => {
    const first = await startTestServer(target);
    const items = first.app.store.content.quizzes.flatMap((q) => q.items).length;
    expect(first.app.imported.changed).toBe(true);
    expect(first.app.imported.newVersions).toHaveLength(items);
    await first.stop();

    const second = await startTestServer(target);
    expect(second.app.imported.changed).toBe(false);
    expect(await second.db.getRepository(QuizItemVersion).count()).toBe(items);
    expect(await second.db.getRepository(ContentRelease).count()).toBe(1);
    await second.stop();
  });

  it("should not change a single row when importing the same content twice", async () => {
    const db = await openDatabase(target);
    const queue = new WriteQueue(db);
    const content = await fixtureContent();
    await importContent(db, queue, content, new ManualClock());
    const before = await changeMarker(db);
    const again = await importContent(db, queue, content, new ManualClock());
    expect(again.changed).toBe(false);
    expect(await changeMarker(db)).toBe(before);
    await db.destroy();
  });

  it("should have a change marker that moves when one row is updated, even to the values it had", async () => {
    const db = await openDatabase(target);
    expect(db.options.type).toBe(onPostgres ? "postgres" : "sqlite");
    await importContent(db, new WriteQueue(db), await fixtureContent(), new ManualClock());
    const before = await changeMarker(db);
    expect(await changeMarker(db)).toBe(before); // reading moves nothing
    await sql(db, `UPDATE quiz_item_version SET hash = hash WHERE id = (SELECT MIN(id) FROM quiz_item_version)`);
    const after = await changeMarker(db);
    expect(after).not.toBe(before);
    await db.destroy();
  });

  it("should add exactly one new version when one item changes, keeping the old one", async () => {
    const db = await openDatabase(target);
    const queue = new WriteQueue(db);
    const clock = new ManualClock("2026-03-01T00:00:00Z");
    const original = await fixtureContent();
    await importContent(db, queue, original, clock);
    const itemId = original.quizzes.find((q) => q.id === original.lessons[0].quiz)!.items[2].id; // quizzes/01-fx-lesson-a.yaml

    const changedDir = await contentWith("quizzes/01-fx-lesson-a.yaml", (d) => {
      d.items[2].explanation.en += " (clarified)";
    });
    const changed = await loadContent(changedDir);
    expect(changed.hash).not.toBe(original.hash);
    clock.advance(60_000);
    const result = await importContent(db, queue, changed, clock);
    expect(result.changed).toBe(true);
    expect(result.newVersions).toEqual([itemId]);

    const versions = await db.getRepository(QuizItemVersion).find({ where: { itemId }, order: { version: "ASC" } });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(JSON.parse(versions[0].payload).explanation.en).not.toContain("(clarified)");
    expect(JSON.parse(versions[1].payload).explanation.en).toContain("(clarified)");
    expect(result.currentVersions.get(itemId)).toEqual({ id: versions[1].id, version: 2 });
    const total = original.quizzes.flatMap((q) => q.items).length;
    expect(await db.getRepository(QuizItemVersion).count()).toBe(total + 1);

    // Going back to the original content re-serves version 1's text under a new version, not a rewrite of history.
    clock.advance(60_000);
    const back = await importContent(db, queue, original, clock);
    expect(back.newVersions).toEqual([itemId]);
    expect(back.currentVersions.get(itemId)?.version).toBe(3);
    await db.destroy();
  });
});
