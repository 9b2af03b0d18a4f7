/**
 * Telling learners apart (issue 18, point 1): two learners named "سارة" (and a "ساره", the same name as
 * Arabic readers see it) carry a disambiguator wherever the class names them — roster, matrix, needs-help,
 * recent activity, the live feed, the essay queue, the gradebook — and the drill-down always; a learner whose
 * name is unique carries none outside the drill-down. INSTRUCTOR_SEES_EMAIL=false shows the learner code
 * instead of the email. The roster is searched (name, code, email) and sorted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { learnerCode } from "../../../server/src/classrooms/learner-identity.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { closeLiveClients, listeners, wsClient } from "../../helpers/live.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

const content = await fixtureContent();
const ESSAY_QUIZ = quizWhere(content, "an essay", hasEssay);

interface Setup {
  server: TestServer;
  teacher: Learner;
  classId: string;
  code: string;
  sara1: Learner;
  sara2: Learner;
  omar: Learner;
}

async function setUp(instructorSeesEmail: boolean): Promise<Setup> {
  const clock = new ManualClock("2026-09-01T08:00:00Z");
  const server = await startTestServer({ clock, instructorSeesEmail, onQuery: (q) => statements.push(q) });
  const teacher = await server.instructor("Ms Diallo");
  const { id: classId, joinCode: code } = (await teacher.gql(`mutation { createClassroom(name: "هوية") { id joinCode } }`)).body.data.createClassroom;
  const join = async (name: string) => {
    const l = await server.learner(name);
    clock.advance(60_000);
    const res = await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: code });
    expect(res.body.errors).toBeUndefined();
    return l;
  };
  const sara1 = await join("سارة");
  const omar = await join("Omar");
  const sara2 = await join("ساره"); // ة written as ه: the same name to a reader
  return { server, teacher, classId, code, sara1, sara2, omar };
}

/** Every SQL statement the test servers run, for the statement counts. */
const statements: string[] = [];

/** Emails are stored lower-cased. */
const mail = (l: Learner) => l.email.toLowerCase();

const ROSTER = `query($id: ID!, $search: String, $sort: RosterSort) { classroom(id: $id) {
  learnerCount(search: $search) learners(search: $search, sort: $sort) { id displayName disambiguator } } }`;

describe("identity with emails (the default)", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(true);
  });
  afterAll(async () => {
    await closeLiveClients();
    await s.server.stop();
  });

  it("should give same-named learners their email in the roster and the matrix, and nobody else anything", async () => {
    const res = await s.teacher.gql(ROSTER, { id: s.classId });
    expect(res.body.errors).toBeUndefined();
    const by = new Map(res.body.data.classroom.learners.map((l: { id: string; disambiguator: string | null }) => [l.id, l.disambiguator]));
    expect(by.get(s.sara1.id)).toBe(mail(s.sara1));
    expect(by.get(s.sara2.id)).toBe(mail(s.sara2));
    expect(by.get(s.omar.id)).toBeNull();
    const matrix = await s.teacher.gql(`query($id: ID!) { classroom(id: $id) { progress { learner { id disambiguator } } } }`, { id: s.classId });
    const rows = matrix.body.data.classroom.progress as { learner: { id: string; disambiguator: string | null } }[];
    expect(rows.find((r) => r.learner.id === s.sara2.id)!.learner.disambiguator).toBe(mail(s.sara2));
    expect(rows.find((r) => r.learner.id === s.omar.id)!.learner.disambiguator).toBeNull();
  });

  it("should always show the disambiguator in the drill-down", async () => {
    const res = await s.teacher.gql(`query($id: ID!, $l: ID!) { classroom(id: $id) { learner(id: $l) { learner { disambiguator } } } }`, { id: s.classId, l: s.omar.id });
    expect(res.body.data.classroom.learner.learner.disambiguator).toBe(mail(s.omar));
  });

  it("should search the roster by name as Arabic readers see it, by email and by learner code", async () => {
    const ids = async (search: string) => {
      const res = await s.teacher.gql(ROSTER, { id: s.classId, search });
      expect(res.body.errors).toBeUndefined();
      const c = res.body.data.classroom;
      expect(c.learnerCount).toBe(c.learners.length);
      return c.learners.map((l: { id: string }) => l.id).sort();
    };
    expect(await ids("سَارة")).toEqual([s.sara1.id, s.sara2.id].sort());
    expect(await ids(s.omar.email.toUpperCase())).toEqual([s.omar.id]);
    expect(await ids(learnerCode(s.sara2.id))).toEqual([s.sara2.id]);
    expect(await ids("nobody at all")).toEqual([]);
    const long = await s.teacher.gql(ROSTER, { id: s.classId, search: "x".repeat(101) });
    expect(long.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should sort the roster by name or by joining time", async () => {
    const order = async (sort: string) => ((await s.teacher.gql(ROSTER, { id: s.classId, sort })).body.data.classroom.learners as { id: string }[]).map((l) => l.id);
    expect(await order("JOINED_OLDEST")).toEqual([s.sara1.id, s.omar.id, s.sara2.id]);
    expect(await order("JOINED_NEWEST")).toEqual([s.sara2.id, s.omar.id, s.sara1.id]);
    const byName = await order("NAME");
    expect(Math.abs(byName.indexOf(s.sara1.id) - byName.indexOf(s.sara2.id))).toBe(1); // the two Saras side by side
  });

  it("should disambiguate the needs-help list, the recent activity, the essay queue and the gradebook", async () => {
    // Both Saras finish the essay quiz with nothing right: low scores, an essay to grade.
    for (const l of [s.sara1, s.sara2]) {
      const a = (await l.gql(START, { quizId: ESSAY_QUIZ.id, mode: "ASSESSMENT" })).body.data.startAttempt;
      const essay = ESSAY_QUIZ.items.find((i) => i.type === "ESSAY")!;
      await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: essay.id, answer: { text: "نص قصير" } } });
      expect((await l.gql(FINISH, { id: a.id })).body.errors).toBeUndefined();
    }
    const res = await s.teacher.gql(
      `query($id: ID!) { classroom(id: $id) { needsHelp(threshold: 1) { learner { id disambiguator } }
        recentActivity { learnerId learnerDisambiguator } pendingEssays { learner { id disambiguator } } gradebookCsv(locale: EN) } }`,
      { id: s.classId },
    );
    expect(res.body.errors).toBeUndefined();
    const c = res.body.data.classroom;
    const email = new Map([s.sara1, s.sara2, s.omar].map((l) => [l.id, l === s.omar ? null : mail(l)]));
    expect(c.needsHelp.length).toBeGreaterThan(0);
    for (const h of c.needsHelp) expect(h.learner.disambiguator).toBe(email.get(h.learner.id));
    for (const e of c.recentActivity) expect(e.learnerDisambiguator).toBe(email.get(e.learnerId));
    expect(c.pendingEssays.map((e: { learner: { disambiguator: string } }) => e.learner.disambiguator).sort()).toEqual([mail(s.sara1), mail(s.sara2)].sort());
    const lines = (c.gradebookCsv as string).slice(1).trim().split("\r\n");
    expect(lines[0].split(",")[1]).toBe("Email or code");
    for (const l of [s.sara1, s.sara2, s.omar]) expect(lines.some((line) => line.split(",")[1] === mail(l))).toBe(true);
  });

  it("should tell same-named learners apart inside the needs-help and activity statements (1 and 3, none after)", async () => {
    const dashboard = s.server.app.services.dashboard;
    const counted = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      statements.length = 0;
      const out = await f();
      return [out, statements.filter((q) => /^\s*SELECT/i.test(q)).length];
    };
    const [help, helpStatements] = await counted(() => dashboard.needsHelp(s.classId, 1, 20));
    expect(helpStatements).toBe(1);
    expect(help.length).toBeGreaterThan(0);
    const email = new Map([s.sara1, s.sara2, s.omar].map((l) => [l.id, l === s.omar ? null : mail(l)]));
    for (const h of help) expect(h.learner.disambiguator).toBe(email.get(h.learner.id));
    const [activity, activityStatements] = await counted(() => dashboard.recentActivity(s.classId, 20));
    expect(activityStatements).toBe(3);
    expect(new Set(activity.map((e) => e.learnerId))).toEqual(new Set([s.sara1.id, s.sara2.id, s.omar.id]));
    for (const e of activity) expect(e.learnerDisambiguator).toBe(email.get(e.learnerId));
  });

  it("should carry the disambiguator in the live feed, for a learner who joins while it runs too", async () => {
    const client = wsClient(s.server, s.teacher.token);
    const before = s.server.app.services.activity.listenerCount;
    const feed = subscribeWithIdentity(client, s.classId);
    await listeners(s.server, before + 1);
    const third = await s.server.learner("سارة");
    await third.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: s.code });
    await feed.until(() => feed.events.some((e) => e.learnerId === third.id));
    await s.omar.gql(START, { quizId: ESSAY_QUIZ.id, mode: "PRACTICE" });
    await s.sara1.gql(START, { quizId: ESSAY_QUIZ.id, mode: "PRACTICE" });
    await feed.until(() => feed.events.some((e) => e.learnerId === s.sara1.id) && feed.events.some((e) => e.learnerId === s.omar.id));
    expect(feed.events.find((e) => e.learnerId === third.id)!.learnerDisambiguator).toBe(mail(third));
    expect(feed.events.find((e) => e.learnerId === s.sara1.id)!.learnerDisambiguator).toBe(mail(s.sara1));
    expect(feed.events.find((e) => e.learnerId === s.omar.id)!.learnerDisambiguator).toBeNull();
  });
});

describe("identity with INSTRUCTOR_SEES_EMAIL=false", () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(false);
  });
  afterAll(async () => s.server.stop());

  it("should show learner codes and never an email, nor find learners by email", async () => {
    const res = await s.teacher.gql(ROSTER, { id: s.classId });
    const by = new Map(res.body.data.classroom.learners.map((l: { id: string; disambiguator: string | null }) => [l.id, l.disambiguator]));
    expect(by.get(s.sara1.id)).toBe(learnerCode(s.sara1.id));
    expect(by.get(s.sara2.id)).toMatch(/^L-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(by.get(s.sara1.id)).not.toBe(by.get(s.sara2.id));
    expect(JSON.stringify(res.body)).not.toContain("@example.test");
    const search = await s.teacher.gql(ROSTER, { id: s.classId, search: mail(s.omar) });
    expect(search.body.data.classroom.learners).toEqual([]);
    const csv = (await s.teacher.gql(`query($id: ID!) { classroom(id: $id) { gradebookCsv(locale: EN) } }`, { id: s.classId })).body.data.classroom.gradebookCsv as string;
    expect(csv).not.toContain("@example.test");
    expect(csv).toContain(learnerCode(s.omar.id));
  });
});

/** The live feed with the disambiguator selected (helpers/live.ts's subscribe selects the older fields). */
function subscribeWithIdentity(client: ReturnType<typeof wsClient>, classroomId: string) {
  const events: { type: string; learnerId: string; learnerDisambiguator: string | null }[] = [];
  const waiters: (() => void)[] = [];
  client.subscribe(
    { query: `subscription($id: ID!) { classroomActivity(classroomId: $id) { type learnerId learnerDisambiguator } }`, variables: { id: classroomId } },
    {
      next: (v) => {
        if (v.data) events.push((v.data as { classroomActivity: (typeof events)[number] }).classroomActivity);
        waiters.splice(0).forEach((w) => w());
      },
      error: () => waiters.splice(0).forEach((w) => w()),
      complete: () => {},
    },
  );
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`timed out; events ${JSON.stringify(events)}`)), 10_000);
      const check = () => (pred() ? (clearTimeout(guard), resolve()) : waiters.push(check));
      check();
    });
  return { events, until };
}
