/**
 * An instance restart mid-session (issue 17, point 4): the test server is stopped and started again on the same
 * data (the SQLite file in its data dir; on PostgreSQL the same database). Every acknowledged answer is there,
 * the session continues from the phase it was in, a phone that subscribes again resumes with its own answer,
 * and an answer sent again after the restart with the same clientAnswerId is not stored twice.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, QUIZ, SESSION, START_LIVE, classWithMembers, closeClients, guest, liveClient, watch } from "./live-helpers.js";
import type { Guest } from "./live-helpers.js";

const clock = new ManualClock("2026-11-30T09:00:00Z");
let dataDir: string;
let server: TestServer;
let teacher: Learner;
let members: Learner[];
let guests: Guest[];
let session: { id: string; code: string };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "live-restart-"));
  server = await startTestServer({ dataDir, clock });
  ({ teacher, members } = await classWithMembers(server, ["Amal", "Badr", "Chadi"]));
  const classroomId = (await server.sql<{ classroomId: string }>(`SELECT "classroomId" FROM classroom_member WHERE "userId" = ?`, [members[0].id]))[0].classroomId;
  session = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } })).body.data.startLiveSession;
  for (const m of members) await m.gql(JOIN, { c: session.code });
  guests = [];
  for (let i = 0; i < 6; i++) {
    const g = guest(server);
    await g.gql(JOIN, { c: session.code, n: `g${i}` });
    guests.push(g);
  }
});
afterAll(async () => {
  await closeClients();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** The same guest (their cookie) talking to the restarted server. */
const rebindGuest = (g: Guest): Guest => Object.assign(guest(server), { cookie: g.cookie });

describe("a restart mid-session", () => {
  it("should lose no acknowledged answer, continue from the same phase, and keep answers idempotent", async () => {
    const shown = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    await teacher.gql(CONTROL, { s: session.id, a: "START_TIMER", sec: 60 });
    const it = server.app.store.item(shown.item.id)!.item;
    const ids = guests.map(() => randomUUID());
    // Everyone answers at once; the server is stopped as soon as all are acknowledged.
    const acks = await Promise.all([
      ...guests.map((g, i) => g.gql(ANSWER, { s: session.id, i: it.id, c: ids[i], a: rightAnswerInput(it, server.app.store.ids) })),
      ...members.map((m) => m.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: wrongAnswerInput(it, server.app.store.ids) })),
    ]);
    const acknowledged = acks.filter((r) => r.body.data?.submitLiveAnswer?.submitted === true).length;
    expect(acknowledged).toBe(9);

    await server.stop();
    server = await startTestServer({ dataDir, clock });
    teacher = server.rebind(teacher);
    members = members.map((m) => server.rebind(m));
    guests = guests.map(rebindGuest);

    const state = (await teacher.gql(SESSION, { id: session.id })).body.data.liveSession;
    expect(state).toMatchObject({ phase: "OPEN", itemIndex: 0, answeredCount: acknowledged, participantCount: 9 });
    expect(state.item.id).toBe(it.id);
    // The same answer again after the restart: acknowledged, stored once.
    const again = await guests[0].gql(ANSWER, { s: session.id, i: it.id, c: ids[0], a: rightAnswerInput(it, server.app.store.ids) });
    expect(again.body.data!.submitLiveAnswer.submitted).toBe(true);
    const rows = await server.sql<{ n: number | string }>(`SELECT COUNT(*) AS n FROM live_answer WHERE "sessionId" = ?`, [session.id]);
    expect(Number(rows[0].n)).toBe(acknowledged);
    // Members' answers are practice evidence on the restarted server too (written in the same transaction).
    const evidence = await server.sql(`SELECT id FROM response WHERE live = ? AND "itemId" = ?`, [true, it.id]);
    expect(evidence.length).toBe(3);
  });

  it("should resume a phone's subscription on the restarted server and carry on to the end", async () => {
    const phone = watch(liveClient(server, { guestCookie: guests[1].cookie! }), session.id);
    await phone.until(() => phone.messages.length === 1, "the first state");
    expect(phone.messages[0]).toMatchObject({ phase: "OPEN", myAnswer: { submitted: true } });
    await teacher.gql(CONTROL, { s: session.id, a: "REVEAL" });
    await phone.until(() => phone.messages.at(-1)?.phase === "REVEALED", "REVEALED");
    expect(phone.messages.at(-1).myAnswer).toMatchObject({ submitted: true, correct: true });
    const next = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    expect(next.itemIndex).toBe(1);
    const end = (await teacher.gql(CONTROL, { s: session.id, a: "END" })).body.data.liveControl;
    expect(end.phase).toBe("ENDED");
    phone.stop();
  });
});
