/**
 * The class dashboard's covering indexes (migration DashboardCoveringIndexes, issue 20): the recent-activity
 * walks read the learner from the time index (which replaces the time-only one), the mastery summary reads a
 * member's levels from an index instead of the table. On the project's engine.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "../../helpers/test-database.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** The columns of each index of a table, in index order, read from the engine's own definition of it. */
const indexesOf = async (table: string): Promise<Record<string, string[]>> => {
  const rows = onPostgres
    ? await server.sql<{ name: string; def: string }>(`SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?`, [table])
    : await server.sql<{ name: string; def: string }>(`SELECT name, sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, [table]);
  const columns = (def: string) => (/\(([^()]*)\)\s*$/.exec(def)?.[1] ?? "").split(",").map((c) => c.trim().replace(/^"|"$/g, ""));
  return Object.fromEntries(rows.map((r) => [r.name, columns(r.def)]));
};

describe("dashboard covering indexes", () => {
  it("should index the answer and finish times with their learner, instead of the times alone", async () => {
    const response = await indexesOf("response");
    expect(response["ix_response_answered_user"]).toEqual(["answeredAt", "userId"]);
    expect(response["ix_response_answered"]).toBeUndefined();
    const attempt = await indexesOf("attempt");
    expect(attempt["ix_attempt_finished_user"]).toEqual(["finishedAt", "state", "userId"]);
    expect(attempt["ix_attempt_finished"]).toBeUndefined();
  });

  it("should carry a member's mastery levels and fractions in an index keyed by the learner", async () => {
    expect((await indexesOf("objective_mastery"))["ix_mastery_user_cover"]).toEqual(["userId", "objectiveId", "level", "fraction"]);
  });
});
