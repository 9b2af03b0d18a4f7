/**
 * SQLite's plans for the class dashboard's statements (issue 20), taken from the statements the service runs:
 * the recent-activity walks read the learner from the time index (a step that is not the class's reads no
 * table row), the mastery summary reads each member's levels from a covering index, and "needs help" takes
 * the class's mean of completed lessons in a subquery run once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
const statements: string[] = [];
beforeAll(async () => {
  server = await startTestServer({ onQuery: (q) => void statements.push(q) });
});
afterAll(async () => {
  await server.stop();
});

/** The plan of every statement a call runs, one detail line per step, joined. */
async function plansOf(call: () => Promise<unknown>): Promise<string[]> {
  statements.length = 0;
  await call();
  const run = statements.splice(0);
  return Promise.all(
    run.map(async (text) => {
      const params = Array.from(text.matchAll(/\?/g), () => 20);
      const rows = await server.sql<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, params);
      return rows.map((r) => r.detail).join("\n");
    }),
  );
}

describe("dashboard plans on SQLite", () => {
  it("should walk answers and finished attempts newest first through the indexes that hold the learner", async () => {
    const plans = (await plansOf(() => server.app.services.dashboard.recentActivity("c", 20))).join("\n---\n");
    expect(plans).toMatch(/SCAN r USING (COVERING )?INDEX ix_response_answered_user/);
    expect(plans).toMatch(/SCAN a USING (COVERING )?INDEX ix_attempt_finished_user/);
    expect(plans).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it("should read members' mastery from a covering index", async () => {
    const mastery = (await plansOf(() => server.app.services.dashboard.masterySummary("c"))).join("\n");
    expect(mastery).toContain("SEARCH o USING COVERING INDEX ix_mastery_user_cover (userId=?)");
  });

  it("should take the class's mean of completed lessons once, not from a window over every member", async () => {
    const needsHelp = (await plansOf(() => server.app.services.dashboard.needsHelp("c", 0.6, 20))).join("\n");
    // An uncorrelated subquery (not "CORRELATED SCALAR SUBQUERY") over the members and their summaries.
    expect(needsHelp).toMatch(/^SCALAR SUBQUERY \d+\nSEARCH m2 [^\n]*\(classroomId=\?\)\nSEARCH s2 [^\n]*\(userId=\?\) LEFT-JOIN$/m);
  });
});
