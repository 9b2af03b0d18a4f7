/**
 * A whole room answering at once on PostgreSQL (issue 17's bench found it): 120 guests send their answers to one
 * question at the same moment; every answer is acknowledged and stored, and none of their transactions had to be
 * run again — the one-answer rule rests on the unique key (ON CONFLICT DO NOTHING), not on a read of the key
 * before the insert, which would lock the index page that every other phone inserts into and fail their
 * serializable transactions (7 answers of 5,000 refused with an internal error in the bench before).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { ANSWER, CONTROL, JOIN, QUIZ, START_LIVE, classWithMembers, guest } from "./live-helpers.js";
import type { Guest } from "./live-helpers.js";

const GUESTS = 120;
const clock = new ManualClock("2026-11-30T09:00:00Z");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ clock });
});
afterAll(async () => server.stop());

describe("a room answering at once (PostgreSQL)", () => {
  it(`should acknowledge and store all ${GUESTS} answers sent together, without running any of them again`, async () => {
    const { teacher, classroomId } = await classWithMembers(server, []);
    const session = (await teacher.gql(START_LIVE, { i: { classroomId, quizId: QUIZ, allowGuests: true } })).body.data.startLiveSession;
    const guests: Guest[] = [];
    for (let g = 0; g < GUESTS; g++) {
      const phone = guest(server);
      expect((await phone.gql(JOIN, { c: session.code, n: `phone ${g}` })).body.errors).toBeUndefined();
      guests.push(phone);
    }
    const shown = (await teacher.gql(CONTROL, { s: session.id, a: "SHOW_NEXT" })).body.data.liveControl;
    const answer = rightAnswerInput(server.app.store.item(shown.item.id)!.item, server.app.store.ids);
    const retriesBefore = server.app.writes.stats.retries;
    const sent = await Promise.all(guests.map((g) => g.gql(ANSWER, { s: session.id, i: shown.item.id, c: randomUUID(), a: answer })));
    expect(sent.flatMap((r) => r.body.errors ?? [])).toEqual([]);
    expect(sent.every((r) => r.body.data.submitLiveAnswer.submitted === true)).toBe(true);
    expect(server.app.writes.stats.retries - retriesBefore).toBe(0);
    expect((await server.sql<{ n: string | number }>(`SELECT COUNT(*) AS n FROM live_answer WHERE "sessionId" = ?`, [session.id])).map((r) => Number(r.n))).toEqual([GUESTS]);
  });
});
