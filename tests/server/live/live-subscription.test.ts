/**
 * The live session subscription (issue 17, points 3 and 4): the first message is the whole current state (a
 * reconnecting phone resumes), phones get phase changes only and never a message per answer, instructors get
 * counts coalesced to at most 5 a second, and a timer running out reaches phones as LOCKED without anyone
 * pressing a button. Runs on SQLite and PostgreSQL (where every change travels by LISTEN/NOTIFY).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { COALESCE_MS } from "../../../server/src/live/live-feed.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, QUIZ, START_LIVE, classWithMembers, closeClients, guest, liveClient, watch } from "./live-helpers.js";
import type { Guest } from "./live-helpers.js";

const clock = new ManualClock("2026-11-30T09:00:00Z");
let server: TestServer;
let teacher: Learner;
let amal: Learner;
let session: { id: string; code: string };
let guests: Guest[];

/** Resolves once the server holds n live session subscriptions (10 s guard). */
async function feeds(n: number): Promise<void> {
  const started = Date.now();
  while (server.app.services.liveFeeds.count < n) {
    if (Date.now() - started > 10_000) throw new Error(`only ${server.app.services.liveFeeds.count} live subscriptions`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  let classroomId: string;
  ({ teacher, classroomId, members: [amal] } = await classWithMembers(server, ["Amal"]));
  session = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } })).body.data.startLiveSession;
  await amal.gql(JOIN, { c: session.code });
  guests = [];
  for (let i = 0; i < 16; i++) {
    const g = guest(server);
    await g.gql(JOIN, { c: session.code, n: `guest ${i}` });
    guests.push(g);
  }
});
afterAll(async () => {
  await closeClients();
  await server.stop();
});

describe("the live session subscription", () => {
  it("should send each subscriber the whole current state first (member, guest by cookie, instructor), and refuse strangers", async () => {
    const phone = watch(liveClient(server, { token: amal.token }), session.id);
    const guestPhone = watch(liveClient(server, { guestCookie: guests[0].cookie! }), session.id);
    const console_ = watch(liveClient(server, { token: teacher.token }), session.id);
    await Promise.all([phone.until(() => phone.messages.length === 1), guestPhone.until(() => guestPhone.messages.length === 1), console_.until(() => console_.messages.length === 1)]);
    for (const w of [phone, guestPhone, console_]) expect(w.messages[0]).toMatchObject({ id: session.id, phase: "LOBBY", itemIndex: -1, participantCount: 17 });
    const stranger = await server.learner("Stranger");
    const refused = watch(liveClient(server, { token: stranger.token }), session.id);
    await refused.until(() => refused.errors.length === 1);
    expect(JSON.stringify(refused.errors[0])).toContain("live/not-found");
    for (const w of [phone, guestPhone, console_]) w.stop();
  });

  it("should send phones a message per phase change and none per answer; instructors get counts, coalesced to 5 a second", async () => {
    const phones = [watch(liveClient(server, { token: amal.token }), session.id), ...guests.slice(0, 3).map((g) => watch(liveClient(server, { guestCookie: g.cookie! }), session.id))];
    const console_ = watch(liveClient(server, { token: teacher.token }), session.id);
    await feeds(5);
    await Promise.all([...phones, console_].map((w) => w.until(() => w.messages.length === 1, "the first state")));
    const shown = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    await Promise.all([...phones, console_].map((w) => w.until(() => w.messages.some((m) => m.phase === "QUESTION"), "the question")));
    const it = server.app.store.item(shown.item.id)!.item;
    const answer = rightAnswerInput(it, server.app.store.ids);
    const before = console_.messages.length;
    const sentToInstructors: number[] = [];
    server.app.services.liveFeeds.onSend = (m) => m.instructor && sentToInstructors.push(m.at);
    const started = performance.now();
    await Promise.all(guests.map((g) => g.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: answer })));
    await amal.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: answer });
    await console_.until(() => console_.messages.at(-1).answeredCount === 17, "all 17 answers on the console");
    const elapsed = performance.now() - started;
    const updates = console_.messages.slice(before);
    // At most one message per COALESCE_MS window (the first may go at once), however many answers arrived.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / COALESCE_MS) + 1);
    expect(updates.length).toBeLessThan(17);
    // And handed to the socket at least a window apart (as sent: on a busy machine arrival times jitter).
    server.app.services.liveFeeds.onSend = null;
    expect(sentToInstructors.length).toBeGreaterThanOrEqual(updates.length);
    for (let i = 1; i < sentToInstructors.length; i++) expect(sentToInstructors[i] - sentToInstructors[i - 1]).toBeGreaterThanOrEqual(COALESCE_MS - 2);
    expect(updates.at(-1).distribution.answered).toBe(17);
    // The phones heard nothing of the answers: still their first state and the question.
    for (const p of phones) expect(p.messages.map((m) => m.phase)).toEqual(["LOBBY", "QUESTION"]);
    await teacher.gql(CONTROL, { s: session.id, a: "SHOW_DISTRIBUTION" });
    await Promise.all(phones.map((p) => p.until(() => p.messages.length === 3, "the distribution")));
    for (const p of phones) {
      expect(p.messages[2]).toMatchObject({ phase: "DISTRIBUTION", answeredCount: 17 });
      expect(p.messages[2].distribution.answered).toBe(17);
    }
    expect(phones[0].messages[2].myAnswer).toEqual({ submitted: true, correct: null, score: null });
    for (const w of [...phones, console_]) w.stop();
  });

  it("should resume a reconnecting phone with the current state, its own answer included", async () => {
    const first = watch(liveClient(server, { guestCookie: guests[5].cookie! }), session.id);
    await first.until(() => first.messages.length === 1);
    first.stop();
    const again = watch(liveClient(server, { guestCookie: guests[5].cookie! }), session.id);
    await again.until(() => again.messages.length === 1);
    expect(again.messages[0]).toMatchObject({ phase: "DISTRIBUTION", itemIndex: 0, myAnswer: { submitted: true } });
    again.stop();
  });

  it("should tell phones LOCKED when the server's timer runs out, with nobody pressing a button", async () => {
    const phone = watch(liveClient(server, { token: amal.token }), session.id);
    await phone.until(() => phone.messages.length === 1);
    await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" });
    await teacher.gql(CONTROL, { s: session.id, a: "START_TIMER", sec: 5 });
    await phone.until(() => phone.messages.at(-1).phase === "OPEN", "OPEN");
    expect(new Date(phone.messages.at(-1).closesAt).getTime() - new Date(phone.messages.at(-1).serverNow).getTime()).toBe(5_000);
    clock.advance(5_000); // the injected clock says the time is up; the instance's own timer wakes the feeds
    await phone.until(() => phone.messages.at(-1).phase === "LOCKED", "LOCKED without an action");
    phone.stop();
  });

  it("should show each phone its own answer when one state is shared by many (right, wrong, none)", async () => {
    // Phones whose own answers read alike get one state object, and the server executes the subscription once
    // for them (http/shared-subscribe.ts): what differs must still reach the right phone.
    const [right, wrong, none] = [6, 7, 8].map((i) => watch(liveClient(server, { guestCookie: guests[i].cookie! }), session.id));
    const others = guests.slice(9, 12).map((g) => watch(liveClient(server, { guestCookie: g.cookie! }), session.id));
    const all = [right, wrong, none, ...others];
    await Promise.all(all.map((w) => w.until(() => w.messages.length === 1)));
    const shown = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    await Promise.all(all.map((w) => w.until(() => w.messages.at(-1).phase === "QUESTION", "the question")));
    for (const w of all) expect(w.messages.at(-1).myAnswer).toEqual({ submitted: false, correct: null, score: null });
    const it = server.app.store.item(shown.item.id)!.item;
    await guests[6].gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: rightAnswerInput(it, server.app.store.ids) });
    await guests[7].gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: wrongAnswerInput(it, server.app.store.ids) });
    for (const g of guests.slice(9, 12)) await g.gql(ANSWER, { s: session.id, i: it.id, c: randomUUID(), a: rightAnswerInput(it, server.app.store.ids) });
    await teacher.gql(CONTROL, { s: session.id, a: "REVEAL" });
    await Promise.all(all.map((w) => w.until(() => w.messages.at(-1).phase === "REVEALED", "the reveal")));
    const full = right.messages.at(-1).myAnswer;
    expect(full).toMatchObject({ submitted: true, correct: true });
    expect(full.score).toBeGreaterThan(0);
    expect(wrong.messages.at(-1).myAnswer).toMatchObject({ submitted: true, correct: false });
    expect(wrong.messages.at(-1).myAnswer.score).toBeLessThan(full.score);
    expect(none.messages.at(-1).myAnswer).toEqual({ submitted: false, correct: null, score: null });
    for (const w of others) expect(w.messages.at(-1).myAnswer).toEqual(full);
    for (const w of all) w.stop();
  });
});
