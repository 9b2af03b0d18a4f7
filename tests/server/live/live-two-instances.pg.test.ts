/**
 * One live session served by two instances on one PostgreSQL database (issue 17, point 4): the instructor
 * drives it through A while phones are connected to B and to A; phase changes reach phones on both instances,
 * answers sent through B reach the instructor's console on A (coalesced counts), and both instances agree
 * on the state. The cluster bus (LISTEN/NOTIFY) is the only link between their feeds.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, QUIZ, SESSION, START_LIVE, classWithMembers, closeClients, guest, liveClient, watch } from "./live-helpers.js";
import type { Guest } from "./live-helpers.js";

let a: TestServer;
let b: TestServer;
let teacher: Learner;
let amalOnB: Learner;
let guestsOnB: Guest[];
let session: { id: string; code: string };

beforeAll(async () => {
  const clock = new ManualClock("2026-11-30T09:00:00Z");
  a = await startTestServer({ clock });
  b = await startTestServer({ clock, databaseUrl: a.databaseUrl });
  let members: Learner[];
  let classroomId: string;
  ({ teacher, classroomId, members } = await classWithMembers(a, ["Amal"]));
  amalOnB = b.rebind(members[0]);
  session = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } })).body.data.startLiveSession;
  await amalOnB.gql(JOIN, { c: session.code });
  guestsOnB = [];
  for (let i = 0; i < 4; i++) {
    const g = guest(b);
    await g.gql(JOIN, { c: session.code, n: `b${i}` });
    guestsOnB.push(g);
  }
});
afterAll(async () => {
  await closeClients();
  await b?.stop();
  await a?.stop();
});

describe("two instances serving one live session", () => {
  it("should bring A's phase changes to phones on B and A, and B's answers to the console on A", async () => {
    expect(b.databaseUrl).toBe(a.databaseUrl);
    const phoneOnB = watch(liveClient(b, { token: amalOnB.token }), session.id);
    const guestOnA = watch(liveClient(a, { guestCookie: guestsOnB[0].cookie! }), session.id);
    const consoleOnA = watch(liveClient(a, { token: teacher.token }), session.id);
    await Promise.all([phoneOnB, guestOnA, consoleOnA].map((w) => w.until(() => w.messages.length === 1, "the first state")));
    expect(phoneOnB.messages[0]).toMatchObject({ phase: "LOBBY", participantCount: 5 });

    const shown = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    await Promise.all([phoneOnB, guestOnA, consoleOnA].map((w) => w.until(() => w.messages.at(-1).phase === "QUESTION", "the question on both instances")));
    expect(phoneOnB.messages.at(-1).item.id).toBe(shown.item.id);

    const it = a.app.store.item(shown.item.id)!.item;
    const answer = rightAnswerInput(it, b.app.store.ids);
    await Promise.all([...guestsOnB.map((g) => g.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: answer })), amalOnB.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: answer })]);
    await consoleOnA.until(() => consoleOnA.messages.at(-1).answeredCount === 5, "B's five answers on A's console");
    // Phones on either instance heard no answer.
    expect(phoneOnB.messages.map((m) => m.phase)).toEqual(["LOBBY", "QUESTION"]);
    expect(guestOnA.messages.map((m) => m.phase)).toEqual(["LOBBY", "QUESTION"]);

    await teacher.gql(CONTROL, { s: session.id, a: "REVEAL" });
    await Promise.all([phoneOnB, guestOnA].map((w) => w.until(() => w.messages.at(-1).phase === "REVEALED", "REVEALED on both")));
    expect(phoneOnB.messages.at(-1).myAnswer).toMatchObject({ submitted: true, correct: true });
    const onB = (await amalOnB.gql(SESSION, { id: session.id })).body.data.liveSession;
    const onA = (await a.rebind(amalOnB).gql(SESSION, { id: session.id })).body.data.liveSession;
    expect({ ...onB, serverNow: null }).toEqual({ ...onA, serverNow: null });
  });
});
