/**
 * The keys that let the database page, search and disambiguate a class (accounts/identity-keys.ts): every
 * account gets its Arabic-folded name and learner code when it is written through TypeORM; a row written
 * around it (a raw INSERT, a row older than the migration) gets them when the server starts; and the roster
 * finds and disambiguates such a learner like any other.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { learnerCode, nameKey } from "../../../server/src/accounts/identity-keys.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const keysOf = async (server: TestServer, id: string) =>
  (await server.sql<{ nameKey: string | null; learnerCode: string | null }>(`SELECT "nameKey", "learnerCode" FROM "user" WHERE id = ?`, [id]))[0];

describe("identity keys", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it("should fold names as Arabic readers read them, and give a stable code", () => {
    expect(nameKey("سَارة")).toBe(nameKey("ساره"));
    expect(nameKey("  Omar ")).toBe("omar");
    expect(learnerCode("u-1")).toMatch(/^L-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(learnerCode("u-1")).toBe(learnerCode("u-1"));
  });

  it("should fill the keys on sign-up, and on start for rows written without them; the roster then finds and disambiguates them", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "keys-"));
    server = await startTestServer({ dataDir });
    const teacher = await server.instructor("Ms Keita");
    const sara = await server.learner("سارة");
    expect(await keysOf(server, sara.id)).toEqual({ nameKey: nameKey("سارة"), learnerCode: learnerCode(sara.id) });

    const { id: classId, joinCode } = (await teacher.gql(`mutation { createClassroom(name: "مفاتيح") { id joinCode } }`)).body.data.createClassroom;
    expect((await sara.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: joinCode })).body.errors).toBeUndefined();
    // A second "سارة" written around TypeORM, as an older row would be: no keys yet.
    await server.sql(`INSERT INTO "user" (id, email, "displayName", role, locale, "passwordHash", "createdAt") VALUES ('raw-1', 'raw@example.test', 'سَارَه', 'LEARNER', 'AR', '!', '2026-09-01T08:00:00.000Z')`);
    await server.sql(`INSERT INTO classroom_member ("classroomId", "userId", "joinedAt") VALUES (?, 'raw-1', '2026-09-01T08:00:00.000Z')`, [classId]);
    expect(await keysOf(server, "raw-1")).toEqual({ nameKey: null, learnerCode: null });

    await server.stop();
    server = await startTestServer({ dataDir });
    expect(await keysOf(server, "raw-1")).toEqual({ nameKey: nameKey("سَارَه"), learnerCode: learnerCode("raw-1") });
    const again = server.rebind(teacher);
    const roster = (await again.gql(`query($id: ID!, $s: String) { classroom(id: $id) { learnerCount(search: $s) learners(search: $s) { id disambiguator } } }`, { id: classId, s: "ساره" })).body.data.classroom;
    expect(roster.learnerCount).toBe(2);
    expect(new Set(roster.learners.map((l: { id: string }) => l.id))).toEqual(new Set([sara.id, "raw-1"]));
    // Same name as a reader sees it: both carry their email.
    expect(roster.learners.every((l: { disambiguator: string | null }) => l.disambiguator?.includes("@"))).toBe(true);
    // A search that holds LIKE's wildcards finds nobody rather than everybody.
    const wild = (await again.gql(`query($id: ID!, $s: String) { classroom(id: $id) { learnerCount(search: $s) } }`, { id: classId, s: "%" })).body.data.classroom;
    expect(wild.learnerCount).toBe(0);
  });
});
