/**
 * Imports validated content into the database, idempotently. Unchanged content (same hash as the newest
 * release) writes nothing. Changed content adds a release row and a new version for each item whose own
 * hash changed; older versions stay so that stored answers keep pointing at what was answered.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Clock } from "../shared/clock.js";
import type { WriteQueue } from "../db/write-queue.js";
import { QuizItemVersion } from "../quizzes/quiz-item-version.entity.js";
import { ContentRelease } from "./content-release.entity.js";
import { contentHash } from "./content.loader.js";
import type { CourseContent } from "./content.model.js";

export interface ImportResult {
  /** False when the content hash matched the newest release and nothing was written. */
  changed: boolean;
  releaseId: number;
  /** Items that got a new version in this import (all of them on the first import). */
  newVersions: string[];
  /** itemId → the version row id now current. */
  currentVersions: Map<string, { id: number; version: number }>;
}

async function currentVersions(em: EntityManager): Promise<Map<string, { id: number; version: number; hash: string }>> {
  // The newest version per item: max(version) per itemId, joined back for its id and hash.
  const rows: { id: number; itemId: string; version: number; hash: string }[] = await em
    .getRepository(QuizItemVersion)
    .createQueryBuilder("v")
    .select(["v.id AS id", 'v.itemId AS "itemId"', "v.version AS version", "v.hash AS hash"])
    .where('v.version = (SELECT MAX(w.version) FROM quiz_item_version w WHERE w."itemId" = v."itemId")')
    .getRawMany();
  return new Map(rows.map((r) => [r.itemId, { id: Number(r.id), version: Number(r.version), hash: r.hash }]));
}

export async function importContent(ds: DataSource, queue: WriteQueue, content: CourseContent, clock: Clock): Promise<ImportResult> {
  const releases = ds.getRepository(ContentRelease);
  const latest = await releases.find({ order: { id: "DESC" }, take: 1 });
  if (latest[0]?.hash === content.hash) {
    const versions = await currentVersions(ds.manager);
    return { changed: false, releaseId: latest[0].id, newVersions: [], currentVersions: stripHash(versions) };
  }

  return queue.run(async (em) => {
    const now = clock.now();
    const existing = await currentVersions(em);
    const items = content.quizzes.flatMap((q) => q.items.map((item) => ({ quizId: q.id, item })));
    const created: QuizItemVersion[] = [];
    for (const { quizId, item } of items) {
      const hash = contentHash({ quizId, item });
      const prev = existing.get(item.id);
      if (prev && prev.hash === hash) continue;
      created.push(
        em.create(QuizItemVersion, {
          itemId: item.id,
          quizId,
          version: (prev?.version ?? 0) + 1,
          hash,
          type: item.type,
          points: item.points,
          payload: JSON.stringify(item),
          createdAt: now,
        }),
      );
    }
    if (created.length > 0) await em.save(QuizItemVersion, created, { chunk: 100 });
    // A release whose hash was imported before (content reverted) is re-stamped as newest.
    await em.delete(ContentRelease, { hash: content.hash });
    const release = await em.save(ContentRelease, em.create(ContentRelease, { hash: content.hash, importedAt: now, itemCount: items.length }));
    const versions = new Map([...existing].map(([k, v]) => [k, { id: v.id, version: v.version }]));
    for (const v of created) versions.set(v.itemId, { id: v.id, version: v.version });
    return { changed: true, releaseId: release.id, newVersions: created.map((v) => v.itemId), currentVersions: versions };
  });
}

function stripHash(m: Map<string, { id: number; version: number; hash: string }>): Map<string, { id: number; version: number }> {
  return new Map([...m].map(([k, v]) => [k, { id: v.id, version: v.version }]));
}
