/**
 * Live class sessions, server side (issue 17): the pace's state machine, the server's timer on the injected
 * clock (late answers refused), idempotent answers, members' answers as practice evidence (flagged live),
 * guests with a nickname and a participant cookie whose answers are deleted 24 h after the end, who sees what,
 * the report, its CSV and the class's past sessions. Runs on SQLite and PostgreSQL.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildObjectiveMastery } from "../../../server/src/progress/mastery.query.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, QUIZ, SESSION, START_LIVE, classWithMembers, code, guest } from "./live-helpers.js";
import type { Guest } from "./live-helpers.js";

const clock = new ManualClock("2026-11-30T09:00:00Z");
let server: TestServer;
let teacher: Learner;
let classroomId: string;
let amal: Learner;
let badr: Learner;
let session: { id: string; code: string };
let visitor: Guest;

const item = (id: string) => server.app.store.item(id)!.item;
const control = (action: string, seconds?: number) => teacher.gql(CONTROL, { s: session.id, a: action, sec: seconds });

beforeAll(async () => {
  server = await startTestServer({ clock });
  ({ teacher, classroomId, members: [amal, badr] } = await classWithMembers(server));
  const res = await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } });
  expect(res.body.errors).toBeUndefined();
  session = res.body.data.startLiveSession;
  visitor = guest(server);
});
afterAll(async () => server.stop());

describe("starting a live session", () => {
  it("should use only the quiz's practice-only items, with a 6-character code of the unambiguous alphabet, in LOBBY", async () => {
    const s = (await teacher.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(s.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/);
    expect(s.phase).toBe("LOBBY");
    expect(s.itemIndex).toBe(-1);
    expect(s.item).toBeNull();
    const practiceOnly = server.app.store.quizFile(QUIZ)!.items.filter((i) => i.pool === "practice").map((i) => i.id);
    expect(practiceOnly.length).toBe(3);
    expect(s.itemCount).toBe(practiceOnly.length);
    const rows = await server.sql<{ items: string }>(`SELECT items FROM live_session WHERE id = ?`, [session.id]);
    expect(JSON.parse(rows[0].items).map((x: { itemId: string }) => x.itemId)).toEqual(practiceOnly);
  });

  it("should refuse assessment items, another teacher's class and a learner", async () => {
    const assessmentItem = server.app.store.quizFile(QUIZ)!.items.find((i) => i.pool === "assessment")!.id;
    expect(code(await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, itemIds: [assessmentItem] } }))).toBe("live/not-practice-item");
    const other = await server.instructor("other");
    expect(code(await other.gql(START_LIVE, { i: { classroomId, quizId: QUIZ } }))).toBe("classroom/not_found");
    expect(code(await amal.gql(START_LIVE, { i: { classroomId, quizId: QUIZ } }))).toBe("classroom/not_found");
  });

  it("should list the quiz's live pool (id, type, prompt in both languages) to the class's instructors only", async () => {
    const LIST = `query($c: ID!, $q: String!) { livePracticeItems(classroomId: $c, quizId: $q) { id type promptAr promptEn } }`;
    const listed = (await teacher.gql(LIST, { c: classroomId, q: QUIZ })).body.data.livePracticeItems;
    const practice = server.app.store.quizFile(QUIZ)!.items.filter((i) => i.pool === "practice");
    expect(listed).toEqual(practice.map((i) => ({ id: i.id, type: i.type, promptAr: i.prompt.ar, promptEn: i.prompt.en })));
    expect(code(await amal.gql(LIST, { c: classroomId, q: QUIZ }))).toBe("classroom/not_found");
    expect(code(await (await server.instructor("lister")).gql(LIST, { c: classroomId, q: QUIZ }))).toBe("classroom/not_found");
    expect(code(await teacher.gql(LIST, { c: classroomId, q: "no-such-quiz" }))).toBe("live/not-found");
  });

  it("should run a chosen subset of the pool in the order given, or shuffled, and refuse an item outside the pool", async () => {
    const practice = server.app.store.quizFile(QUIZ)!.items.filter((i) => i.pool === "practice").map((i) => i.id);
    const subset = [practice[2], practice[0]];
    const slots = async (id: string) => JSON.parse((await server.sql<{ items: string }>(`SELECT items FROM live_session WHERE id = ?`, [id]))[0].items).map((x: { itemId: string }) => x.itemId);
    const inOrder = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, itemIds: subset } })).body.data.startLiveSession;
    expect(inOrder.itemCount).toBe(2);
    expect(await slots(inOrder.id)).toEqual(subset);
    const mixed = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, itemIds: [...subset, subset[0]], shuffle: true } })).body.data.startLiveSession;
    expect((await slots(mixed.id)).sort()).toEqual([...subset].sort()); // the same two, once each
    const otherQuizItem = [...server.app.store.content.quizzes].find((q) => q.id !== QUIZ)!.items[0].id;
    expect(code(await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, itemIds: [practice[0], otherQuizItem] } }))).toBe("live/not-practice-item");
    for (const id of [inOrder.id, mixed.id]) await teacher.gql(CONTROL, { s: id, a: "END" });
  });

  it("should refuse a quiz with no practice-only items with live/no-practice-items", async () => {
    const noPractice = [...server.app.store.content.quizzes].find((q) => !q.items.some((i) => i.pool === "practice"))!;
    expect(code(await teacher.gql(START_LIVE, { i: { classroomId, quizId: noPractice.id } }))).toBe("live/no-practice-items");
  });

  it("should tell anyone the join page's facts from the code, in any case", async () => {
    const res = await server.gql<any>(`query($c: String!) { liveSessionByCode(code: $c) { sessionId quizTitle allowGuests phase } }`, { c: session.code.toLowerCase() });
    expect(res.body.data.liveSessionByCode).toMatchObject({ sessionId: session.id, allowGuests: true, phase: "LOBBY" });
    expect(res.body.data.liveSessionByCode.quizTitle.length).toBeGreaterThan(0);
    expect(code(await server.gql(`query { liveSessionByCode(code: "AAAAAA") { sessionId } }`))).toBe("live/not-found");
  });
});

describe("joining", () => {
  it("should let class members join as themselves (nickname ignored, joining twice is one participant)", async () => {
    const a = (await amal.gql(JOIN, { c: session.code, n: "ignored" })).body.data.joinLiveSession;
    expect(a).toMatchObject({ sessionId: session.id, nickname: "Amal", guest: false });
    expect((await amal.gql(JOIN, { c: session.code })).body.data.joinLiveSession.id).toBe(a.id);
    await badr.gql(JOIN, { c: session.code });
  });

  it("should let a guest join with a nickname, give them the participant cookie, and refuse a taken or missing nickname", async () => {
    expect(code(await guest(server).gql(JOIN, { c: session.code }))).toBe("live/nickname-required");
    const res = await visitor.gql(JOIN, { c: session.code, n: "Zed" });
    expect(res.body.data!.joinLiveSession).toMatchObject({ nickname: "Zed", guest: true });
    expect(visitor.cookie).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(code(await guest(server).gql(JOIN, { c: session.code, n: " zed " }))).toBe("live/nickname-taken");
    const s = (await visitor.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(s.participantCount).toBe(3);
  });

  it("should hold guests' nicknames to the client's rule: cleaned, 1 to 40 characters (code points), no control characters", async () => {
    const open = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } })).body.data.startLiveSession;
    const join = (n: string) => guest(server).gql(JOIN, { c: open.code, n });
    expect(code(await join("x".repeat(41)))).toBe("live/nickname-required");
    expect(code(await join("ab\u202Ecd"))).toBe("live/nickname-required"); // a right-to-left override
    expect(code(await join(" \t "))).toBe("live/nickname-required");
    expect((await join("x".repeat(40))).body.data!.joinLiveSession.nickname).toBe("x".repeat(40));
    expect((await join("😀".repeat(40))).body.data!.joinLiveSession.nickname).toBe("😀".repeat(40)); // 80 UTF-16 units
    expect((await join("  Q \n  R ")).body.data!.joinLiveSession.nickname).toBe("Q R");
    expect(code(await join("q r"))).toBe("live/nickname-taken");
    await teacher.gql(CONTROL, { s: open.id, a: "END" });
  });

  it("should refuse guests when the session is for members only, and hide the session from strangers", async () => {
    const closed = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ } })).body.data.startLiveSession;
    expect(code(await guest(server).gql(JOIN, { c: closed.code, n: "Zed" }))).toBe("live/guests-not-allowed");
    const stranger = await server.learner("Stranger");
    expect(code(await stranger.gql(JOIN, { c: closed.code }))).toBe("live/guests-not-allowed");
    expect(code(await stranger.gql(SESSION, { id: closed.id }))).toBe("live/not-found");
    expect(code(await guest(server).gql(SESSION, { id: closed.id }))).toBe("live/not-found");
    await teacher.gql(CONTROL, { s: closed.id, a: "END" });
  });
});

describe("the pace", () => {
  it("should refuse actions the phase does not allow with live/bad-action", async () => {
    expect(code(await control("START_TIMER", 20))).toBe("live/bad-action");
    expect(code(await control("LOCK"))).toBe("live/bad-action");
    expect(code(await control("REVEAL"))).toBe("live/bad-action");
    expect(code(await amal.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" }))).toBe("live/not-found");
  });

  it("should show the first question to everyone, keyless, and accept answers before any timer", async () => {
    const s = (await control("SHOW_NEXT")).body.data.liveControl;
    expect(s).toMatchObject({ phase: "QUESTION", itemIndex: 0, answeredCount: 0, closesAt: null });
    const first = item(s.item.id);
    const mine = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(mine.item.id).toBe(first.id);
    expect(mine.distribution).toBeNull();
    expect(mine.myAnswer).toEqual({ submitted: false, correct: null, score: null });
    const id = randomUUID();
    const ok = await amal.gql(ANSWER, { s: session.id, i: first.id, c: id, a: rightAnswerInput(first, server.app.store.ids) });
    expect(ok.body.data.submitLiveAnswer).toEqual({ submitted: true, correct: null, score: null });
  });

  it("should store an answer sent twice with the same clientAnswerId once, and keep the first answer of a participant", async () => {
    const s = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    const first = item(s.item.id);
    const id = randomUUID();
    const wrong = wrongAnswerInput(first, server.app.store.ids);
    await badr.gql(ANSWER, { s: session.id, i: first.id, c: id, a: wrong });
    const again = await badr.gql(ANSWER, { s: session.id, i: first.id, c: id, a: wrong });
    expect(again.body.data.submitLiveAnswer.submitted).toBe(true);
    const other = await badr.gql(ANSWER, { s: session.id, i: first.id, c: randomUUID(), a: rightAnswerInput(first, server.app.store.ids) });
    expect(other.body.data.submitLiveAnswer.submitted).toBe(true);
    const rows = await server.sql(`SELECT correct FROM live_answer WHERE "sessionId" = ? AND "itemId" = ?`, [session.id, first.id]);
    expect(rows.length).toBe(2);
    const responses = await server.sql<{ userId: string; live: unknown; correct: unknown }>(`SELECT "userId", live, correct FROM response WHERE "itemId" = ? AND "userId" = ?`, [first.id, badr.id]);
    expect(responses.length).toBe(1);
    expect(Boolean(responses[0].live)).toBe(true);
    expect(Boolean(responses[0].correct)).toBe(false);
  });

  it("should count members' live answers as practice evidence: review card and stored mastery", async () => {
    const s = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    const cards = await server.sql(`SELECT "itemId" FROM review_card WHERE "userId" = ? AND "itemId" = ?`, [amal.id, s.item.id]);
    expect(cards.length).toBe(1);
    const mastery = await server.sql(`SELECT "objectiveId" FROM objective_mastery WHERE "userId" = ?`, [amal.id]);
    expect(mastery.length).toBeGreaterThan(0);
  });

  it("should take a member's live answer into stored mastery alone, equal to mastery rebuilt from every response", async () => {
    const round = (v: unknown) => Math.round(Number(v) * 1e9) / 1e9;
    const stored = async () =>
      (await server.sql<{ userId: string; objectiveId: string; level: string; fraction: unknown; state: unknown }>(
        `SELECT "userId", "objectiveId", level, fraction, state FROM objective_mastery WHERE "userId" IN (?, ?) ORDER BY "userId", "objectiveId"`,
        [amal.id, badr.id],
      )).map((r) => {
        const state = (typeof r.state === "string" ? JSON.parse(r.state) : r.state) as { credits: Record<string, number>; fraction: number };
        return { ...r, fraction: round(r.fraction), state: { ...state, fraction: round(state.fraction), credits: Object.fromEntries(Object.entries(state.credits).map(([k, v]) => [k, round(v)])) } };
      });
    const incremental = await stored();
    expect(incremental.length).toBeGreaterThan(0);
    await server.app.writes.run((em) => rebuildObjectiveMastery(em, server.app.store, clock.now()));
    expect(await stored()).toEqual(incremental);
  });

  it("should refuse an answer to another item with live/wrong-item, and a stranger's with live/not-participant", async () => {
    const other = server.app.store.quizFile(QUIZ)!.items.find((i) => i.pool === "practice" && i.type === "TRUE_FALSE")!;
    const s = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(other.id).not.toBe(s.item.id);
    expect(code(await visitor.gql(ANSWER, { s: session.id, i: other.id, c: randomUUID(), a: rightAnswerInput(other, server.app.store.ids) }))).toBe("live/wrong-item");
    const stranger = await server.learner("Stranger");
    expect(code(await stranger.gql(ANSWER, { s: session.id, i: s.item.id, c: randomUUID(), a: rightAnswerInput(item(s.item.id), server.app.store.ids) }))).toBe("live/not-participant");
  });

  it("should run the timer on the server's clock: answers until closesAt, then live/closed and LOCKED for everyone", async () => {
    const open = (await control("START_TIMER", 20)).body.data.liveControl;
    expect(open.phase).toBe("OPEN");
    expect(new Date(open.closesAt).getTime() - new Date(open.serverNow).getTime()).toBe(20_000);
    expect(code(await control("START_TIMER", 3))).toBe("live/bad-action");
    clock.advance(20_000);
    const first = item(open.item.id);
    const late = await visitor.gql(ANSWER, { s: session.id, i: first.id, c: randomUUID(), a: rightAnswerInput(first, server.app.store.ids) });
    expect(code(late)).toBe("live/closed");
    expect((await visitor.gql(SESSION, { id: session.id })).body.data.liveSession).toMatchObject({ phase: "LOCKED", closesAt: null, myAnswer: { submitted: false } });
    expect(await server.sql(`SELECT id FROM live_answer a WHERE "sessionId" = ? AND "participantId" IN (SELECT id FROM live_participant WHERE nickname = 'Zed')`, [session.id])).toEqual([]);
  });

  it("should acknowledge an answer repeated after the lock when it had landed", async () => {
    const s = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    const [row] = await server.sql<{ clientAnswerId: string }>(`SELECT a."clientAnswerId" FROM live_answer a JOIN live_participant p ON p.id = a."participantId" WHERE p."userId" = ? AND a."itemId" = ?`, [amal.id, s.item.id]);
    const res = await amal.gql(ANSWER, { s: session.id, i: s.item.id, c: row.clientAnswerId, a: rightAnswerInput(item(s.item.id), server.app.store.ids) });
    expect(res.body.data.submitLiveAnswer.submitted).toBe(true);
  });

  it("should show the distribution to the room without the key, then the key, explanation and evidence on reveal", async () => {
    const d = (await control("SHOW_DISTRIBUTION")).body.data.liveControl;
    expect(d.phase).toBe("DISTRIBUTION");
    const seen = (await visitor.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(seen.distribution.answered).toBe(2);
    expect(seen.distribution.rows.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(2);
    expect(seen.distribution.rows.every((r: { correct: unknown }) => r.correct === null)).toBe(true);
    expect(seen.reveal).toBeNull();
    const r = (await control("REVEAL")).body.data.liveControl;
    expect(r.phase).toBe("REVEALED");
    expect(r.reveal.explanation.length).toBeGreaterThan(0);
    expect(r.reveal.evidence.length).toBeGreaterThan(0);
    expect(r.reveal.rightAnswer.choiceIds.length).toBeGreaterThan(0);
    expect(r.distribution.rows.some((x: { correct: unknown }) => x.correct === true)).toBe(true);
    const mine = (await amal.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(mine.myAnswer).toMatchObject({ submitted: true, correct: true });
    const his = (await badr.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(his.myAnswer).toMatchObject({ submitted: true, correct: false, score: 0 });
  });

  it("should show the leaderboard only when turned on, top five nicknames by points", async () => {
    expect((await visitor.gql(SESSION, { id: session.id })).body.data.liveSession).toMatchObject({ leaderboardOn: false, leaderboard: null });
    const LEADERBOARD = `mutation($s: ID!, $on: Boolean!) { setLiveLeaderboard(sessionId: $s, on: $on) { leaderboardOn leaderboard { nickname points } } }`;
    expect(code(await amal.gql(LEADERBOARD, { s: session.id, on: true }))).toBe("live/not-found");
    const on = (await teacher.gql(LEADERBOARD, { s: session.id, on: true })).body.data.setLiveLeaderboard;
    expect(on.leaderboardOn).toBe(true);
    const points = item((await amal.gql(SESSION, { id: session.id })).body.data.liveSession.item.id).points;
    expect(on.leaderboard).toEqual([
      { nickname: "Amal", points },
      { nickname: "Badr", points: 0 },
    ]);
    expect((await visitor.gql(SESSION, { id: session.id })).body.data.liveSession.leaderboard.length).toBe(2);
    expect((await teacher.gql(LEADERBOARD, { s: session.id, on: false })).body.data.setLiveLeaderboard).toEqual({ leaderboardOn: false, leaderboard: null });
  });

  it("should move through every item (each type graded through the registry) and end; no answer or action after the end", async () => {
    for (let k = 1; k < 3; k++) {
      const s = (await control("SHOW_NEXT")).body.data.liveControl;
      expect(s.itemIndex).toBe(k);
      const it = item(s.item.id);
      const res = await visitor.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: rightAnswerInput(it, server.app.store.ids) });
      expect(res.body.errors).toBeUndefined();
      clock.advance(3_000);
      await amal.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: wrongAnswerInput(it, server.app.store.ids) });
      await control("REVEAL");
      expect((await visitor.gql(SESSION, { id: session.id })).body.data.liveSession.myAnswer).toMatchObject({ correct: true });
    }
    expect(code(await control("SHOW_NEXT"))).toBe("live/bad-action");
    const end = (await control("END")).body.data.liveControl;
    expect(end).toMatchObject({ phase: "ENDED", item: null });
    expect(code(await control("SHOW_NEXT"))).toBe("live/ended");
    const anyItem = server.app.store.quizFile(QUIZ)!.items[0];
    expect(code(await amal.gql(ANSWER, { s: session.id, i: anyItem.id, c: randomUUID(), a: rightAnswerInput(anyItem, server.app.store.ids) }))).toBe("live/ended");
    expect(code(await guest(server).gql(JOIN, { c: session.code, n: "Late" }))).toBe("live/not-found");
  });
});

describe("afterwards", () => {
  it("should report per item the distribution, facility, median time and members' answers with their disambiguator (guests unnamed)", async () => {
    const res = await teacher.gql(
      `query($id: ID!) { liveSessionReport(id: $id, locale: EN) { session { phase } items { itemId prompt facility medianSecondsToAnswer answered distribution { key count correct } answers { learnerId learnerName learnerDisambiguator answer score secondsToAnswer } } } }`,
      { id: session.id },
    );
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data.liveSessionReport;
    expect(report.session.phase).toBe("ENDED");
    expect(report.items.length).toBe(3);
    const [first, second] = report.items;
    expect(first.answered).toBe(2);
    expect(first.facility).toBe(0.5);
    expect(first.answers.map((a: { learnerName: string }) => a.learnerName).sort()).toEqual(["Amal", "Badr"]);
    expect(first.answers.every((a: { learnerDisambiguator: string }) => a.learnerDisambiguator.includes("@"))).toBe(true);
    expect(first.answers.find((a: { learnerName: string }) => a.learnerName === "Amal").answer.length).toBeGreaterThan(0);
    // Item 2: the guest right at once, Amal wrong 3 s later: the guest counts but is never named.
    expect(second.answered).toBe(2);
    expect(second.facility).toBe(0.5);
    expect(second.medianSecondsToAnswer).toBe(1.5);
    expect(second.answers.map((a: { learnerName: string }) => a.learnerName)).toEqual(["Amal"]);
  });

  it("should export the report as CSV text, and list the class's past sessions", async () => {
    const csv = (await teacher.gql(`query($id: ID!) { liveSessionReportCsv(id: $id, locale: EN) }`, { id: session.id })).body.data.liveSessionReportCsv as string;
    expect(csv.startsWith("\uFEFFitem,prompt,learner")).toBe(true);
    expect(csv).toContain(amal.email.toLowerCase());
    expect(csv).not.toContain("Zed");
    const past = (await teacher.gql(`query($c: ID!) { classroomLiveSessions(classroomId: $c) { id code quizId endedAt participantCount } }`, { c: classroomId })).body.data.classroomLiveSessions;
    expect(past.map((p: { id: string }) => p.id)).toContain(session.id);
    expect(past.find((p: { id: string }) => p.id === session.id)).toMatchObject({ quizId: QUIZ, participantCount: 3 });
    expect(code(await amal.gql(`query($id: ID!) { liveSessionReport(id: $id) { items { itemId } } }`, { id: session.id }))).toBe("live/not-found");
    expect(code(await amal.gql(`query($c: ID!) { classroomLiveSessions(classroomId: $c) { id } }`, { c: classroomId }))).toBe("classroom/not_found");
  });

  it("should delete guests' answers and nicknames 24 hours after the end, and keep members' answers", async () => {
    const guests = () => server.sql(`SELECT id FROM live_participant WHERE "sessionId" = ? AND "userId" IS NULL`, [session.id]);
    expect((await guests()).length).toBe(1);
    clock.advance(24 * 60 * 60 * 1000 - 60_000);
    expect(await server.app.services.live.sweepGuests()).toBe(0);
    expect((await guests()).length).toBe(1);
    clock.advance(60_000);
    expect(await server.app.services.live.sweepGuests()).toBeGreaterThanOrEqual(1);
    expect(await guests()).toEqual([]);
    const left = await server.sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM live_answer WHERE "sessionId" = ?`, [session.id]);
    expect(Number(left[0].n)).toBe(4); // Amal's three and Badr's one
    expect(await server.app.services.live.sweepGuests()).toBe(0);
  });
});
