/**
 * npm run backup on PostgreSQL: pg_dump of a running server's database, restored with pg_restore into an
 * empty database, serves the same learners, progress and attempts, table for table.
 */
import { execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresTool } from "../../../server/src/ops/backup.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { tableDigests } from "../../helpers/change-marker.js";
import { hasEssay, lessonOf, paragraphIds, quizWhere } from "../../helpers/course-lookup.js";
import { ATTEMPT, FINISH, MY_PROGRESS, RECORD, START, SUBMIT } from "../../helpers/operations.js";
import { createPostgresDatabase, databaseEnv } from "../../helpers/test-database.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { PROJECT_ROOT, startTestServer } from "../../helpers/test-server.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** `npm run backup` as a process, with the server's DATA_DIR and DATABASE_URL. */
function runBackup(server: TestServer): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/ops/backup.cli.ts"], { cwd: PROJECT_ROOT, env: { ...process.env, ...databaseEnv(server) } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

const SIGN_IN = `mutation($i: SignInInput!) { signIn(input: $i) { token user { id displayName } } }`;

/** What a learner sees of their own learning: progress, and every attempt with its responses. */
async function learnerView(learner: Learner, attemptIds: string[]) {
  const progress = (await learner.gql(MY_PROGRESS)).body;
  const attempts = await Promise.all(attemptIds.map(async (id) => (await learner.gql(ATTEMPT, { id })).body));
  return { progress, attempts };
}

describe("npm run backup on PostgreSQL", () => {
  it("should dump a running server's database with pg_dump, and pg_restore it into a database the server serves unchanged", async () => {
    const server = await startTestServer();
    cleanup.push(() => server.stop());
    expect(server.databaseUrl).toMatch(/^postgres/);

    // A class, learners with reading progress and finished and open attempts, an instructor.
    const teacher = await server.instructor();
    const room = (await teacher.gql(`mutation { createClassroom(name: "Backup") { id joinCode } }`)).body.data!.createClassroom as { id: string; joinCode: string };
    const quiz = quizWhere(server.app.store.content, "no essay", (q) => !hasEssay(q));
    const lesson = lessonOf(server.app.store.content, quiz);
    const learners: { learner: Learner; attempts: string[] }[] = [];
    for (const [k, name] of ["Amina", "Idriss", "Salma"].entries()) {
      const learner = await server.learner(name);
      await learner.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
      await learner.gql(RECORD, { input: { lessonSlug: lesson.slug, paragraphId: paragraphIds(lesson)[1] } });
      if (k === 0) await learner.gql(RECORD, { input: { lessonSlug: lesson.slug, completed: true } });
      const assessment = (await learner.gql(START, { quizId: quiz.id, mode: "ASSESSMENT" })).body.data.startAttempt.id;
      for (const [i, item] of quiz.items.entries()) {
        const answer = (i + k) % 3 === 0 ? wrongAnswerInput(item, server.app.store.ids) : rightAnswerInput(item, server.app.store.ids);
        await learner.gql(SUBMIT, { input: { attemptId: assessment, itemId: item.id, answer } });
      }
      await learner.gql(FINISH, { id: assessment });
      const practice = (await learner.gql(START, { quizId: quiz.id, mode: "PRACTICE" })).body.data.startAttempt.id;
      await learner.gql(SUBMIT, { input: { attemptId: practice, itemId: quiz.items[0].id, answer: rightAnswerInput(quiz.items[0], server.app.store.ids) } });
      learners.push({ learner, attempts: [assessment, practice] });
    }
    const seen = await Promise.all(learners.map(({ learner, attempts }) => learnerView(learner, attempts)));
    expect(seen[0].progress.data.myProgress.lessons.some((l: { status: string }) => l.status === "COMPLETED")).toBe(true);
    expect(seen.every((v) => v.attempts.every((a) => a.data.attempt.responses.length > 0))).toBe(true);

    // The backup, while the server runs, into the default place.
    const backup = await runBackup(server);
    expect(backup.code, backup.stderr).toBe(0);
    const file = backup.stdout.match(/Backup written to (.+)/)?.[1].trim();
    expect(file).toBeDefined();
    expect(path.dirname(file!)).toBe(path.join(server.dataDir, "backups"));
    expect(path.basename(file!)).toMatch(/^course-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.dump$/);
    const original = await tableDigests(server.db);

    // Restore into a new, empty database, as README says.
    const restored = await createPostgresDatabase();
    cleanup.push(restored.drop);
    const pgRestore = findPostgresTool("pg_restore");
    const restore = await promisify(execFile)(pgRestore, ["--no-owner", "-d", restored.url, file!]).catch((e: { stderr?: string; message: string }) => {
      throw new Error(`pg_restore failed: ${e.stderr || e.message}`);
    });
    expect(restore.stderr).toBe("");

    // A server on the restored database; every table holds the same rows before anyone signs in.
    const again = await startTestServer({ databaseUrl: restored.url });
    cleanup.push(() => again.stop());
    expect(again.app.imported.changed).toBe(false);
    expect(Object.keys(original).length).toBeGreaterThan(10);
    expect(await tableDigests(again.db)).toEqual(original);

    // Each learner signs in with their password and sees the same progress and attempts.
    for (const [k, { learner, attempts }] of learners.entries()) {
      const signIn = await again.gql<any>(SIGN_IN, { i: { email: learner.email, password: "correct horse battery" } });
      expect(signIn.body.errors).toBeUndefined();
      expect(signIn.body.data.signIn.user.id).toBe(learner.id);
      const back = again.rebind({ ...learner, token: signIn.body.data.signIn.token });
      expect(await learnerView(back, attempts)).toEqual(seen[k]);
    }
    // The instructor's class came back with its members.
    const roster = await again.rebind(teacher).gql(`query($id: ID!) { classroom(id: $id) { learnerCount } }`, { id: room.id });
    expect(roster.body.data.classroom.learnerCount).toBe(3);
  }, 60_000);

  it("should say how to install pg_dump when it is on neither PATH nor under /usr/lib/postgresql", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pg-tools-"));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    expect(() => findPostgresTool("pg_dump", { path: dir, root: path.join(dir, "none") })).toThrow(/pg_dump was not found on PATH or in .*apt-get install -y postgresql-client/s);

    // Found under the newest version's bin when PATH has none, and on PATH first when it does.
    for (const version of ["9.6", "15", "16"]) {
      await mkdir(path.join(dir, "lib", version, "bin"), { recursive: true });
      await writeFile(path.join(dir, "lib", version, "bin", "pg_dump"), "#!/bin/sh\n");
      await chmod(path.join(dir, "lib", version, "bin", "pg_dump"), 0o755);
    }
    expect(findPostgresTool("pg_dump", { path: "", root: path.join(dir, "lib") })).toBe(path.join(dir, "lib", "16", "bin", "pg_dump"));
    expect(findPostgresTool("pg_dump", { path: path.join(dir, "lib", "9.6", "bin"), root: path.join(dir, "lib") })).toBe(path.join(dir, "lib", "9.6", "bin", "pg_dump"));
  });
});
