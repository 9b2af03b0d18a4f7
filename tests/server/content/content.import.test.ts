import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importContent } from "../../../server/src/content/content.import.js";
import { loadContent } from "../../../server/src/content/content.loader.js";
import { openDatabase } from "../../../server/src/db/data-source.js";
import { WriteQueue } from "../../../server/src/db/write-queue.js";
import { QuizItemVersion } from "../../../server/src/quizzes/quiz-item-version.entity.js";
import { ContentRelease } from "../../../server/src/content/content-release.entity.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { contentWith } from "../../helpers/content-fixtures.js";
import { realContent, startTestServer } from "../../helpers/test-server.js";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "import-test-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const totalChanges = async (db: { query: (q: string) => Promise<{ n: number }[]> }) => Number((await db.query("SELECT total_changes() AS n"))[0].n);

describe("content import", () => {
  it("should write nothing when the server starts again on unchanged content", async () => {
    const first = await startTestServer({ dataDir });
    const items = first.app.store.content.quizzes.flatMap((q) => q.items).length;
    expect(first.app.imported.changed).toBe(true);
    expect(first.app.imported.newVersions).toHaveLength(items);
    await first.stop();

    const second = await startTestServer({ dataDir });
    expect(second.app.imported.changed).toBe(false);
    expect(await second.db.getRepository(QuizItemVersion).count()).toBe(items);
    expect(await second.db.getRepository(ContentRelease).count()).toBe(1);
    await second.stop();
  });

  it("should not change a single row when importing the same content twice", async () => {
    const db = await openDatabase({ dataDir });
    const queue = new WriteQueue(db);
    const content = await realContent();
    await importContent(db, queue, content, new ManualClock());
    const before = await totalChanges(db);
    const again = await importContent(db, queue, content, new ManualClock());
    expect(again.changed).toBe(false);
    expect(await totalChanges(db)).toBe(before);
    await db.destroy();
  });

  it("should add exactly one new version when one item changes, keeping the old one", async () => {
    const db = await openDatabase({ dataDir });
    const queue = new WriteQueue(db);
    const clock = new ManualClock("2026-03-01T00:00:00Z");
    const original = await realContent();
    await importContent(db, queue, original, clock);
    const itemId = original.quizzes[0].items[2].id;

    const changedDir = await contentWith("quizzes/01-event-and-actors.yaml", (d) => {
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
