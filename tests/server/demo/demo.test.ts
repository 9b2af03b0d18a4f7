/** `npm run demo` as an operator runs it: a populated class an instructor can open at once. */
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import type { ScratchDatabase } from "../../helpers/test-database.js";
import { scratchDatabase } from "../../helpers/test-database.js";
import { FIXTURE_DIR, PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";
import type { TestServer } from "../../helpers/test-server.js";

let target: ScratchDatabase | undefined;
let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  await target?.dispose();
});

describe("npm run demo", () => {
  it("should create an instructor, a class of 30 learners with activity, print the credentials, and be idempotent", async () => {
    // An empty database on the project's engine, as an operator's first `npm run demo` finds it.
    const db = (target = await scratchDatabase("demo-"));
    const run = () =>
      spawnSync(process.execPath, ["--import", "tsx", "server/src/demo/demo.cli.ts"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...db.env, CONTENT_DIR: FIXTURE_DIR, PASSWORD_HASH_LOG_N: "10" }, // the course the test server below serves
        encoding: "utf8",
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("demo.instructor@example.com / demo-instructor-2026");
    const code = first.stdout.match(/class code\s+(\S+)/)![1];

    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toContain("already there");
    expect(second.stdout).toContain(code);

    server = await startTestServer({ dataDir: db.dataDir, databaseUrl: db.databaseUrl });
    const signIn = await server.gql<any>(`mutation { signIn(input: { email: "demo.instructor@example.com", password: "demo-instructor-2026" }) { token user { role } } }`);
    expect(signIn.body.data.signIn.user.role).toBe("INSTRUCTOR");
    const auth = { authorization: `Bearer ${signIn.body.data.signIn.token}` };
    const rooms = (await server.gql<any>(`{ myClassrooms { id joinCode } }`, {}, auth)).body.data.myClassrooms;
    expect(rooms).toHaveLength(1);
    const dash = await server.gql<any>(
      `query($id: ID!) { classroom(id: $id) { learnerCount lessonAverages { assessed } mastery { proficient mastered } pendingEssays { responseId } } }`,
      { id: rooms[0].id },
      auth,
    );
    const c = dash.body.data.classroom;
    expect(c.learnerCount).toBe(30);
    expect(c.lessonAverages[0].assessed).toBeGreaterThan(5);
    expect(c.pendingEssays.length).toBeGreaterThan(0);
    expect(c.mastery.some((m: any) => m.proficient + m.mastered > 0)).toBe(true);
  }, 120_000);
});
