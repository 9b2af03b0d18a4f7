/**
 * The live class feed delivers events in the order they were published, each with the learner's name as it
 * was when published: no account is looked up per event per watching instructor.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeLiveClients, listeners, subscribe, wsClient } from "../../helpers/live.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

let server: TestServer;
let teacher: Learner;
let classroomId: string;
const members: Learner[] = [];

beforeAll(async () => {
  server = await startTestServer();
  teacher = await server.instructor("teacher");
  const made = await teacher.gql(`mutation { createClassroom(name: "Order") { id joinCode } }`);
  classroomId = made.body.data.createClassroom.id;
  for (const name of ["Aïcha", "Bakary", "Chaïma"]) {
    const l = await server.learner(name);
    await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: made.body.data.createClassroom.joinCode });
    members.push(l);
  }
});
afterAll(async () => {
  await closeLiveClients();
  await server.stop();
});

describe("live class feed", () => {
  it("should deliver events in publication order with names attached, looking nobody up", async () => {
    const feeds = [subscribe(wsClient(server, teacher.token), classroomId), subscribe(wsClient(server, teacher.token), classroomId)];
    await listeners(server, 2);
    const lookups = vi.spyOn(server.app.services.accounts, "user");
    const at = server.app.services.clock.now();
    const published = Array.from({ length: 60 }, (_, i) => members[(i * 7) % members.length]);
    published.forEach((m, i) =>
      server.app.services.activity.publish({ type: "ANSWER_SUBMITTED", learnerId: m.id, learnerName: `name-${i}`, quizId: "q", itemId: `item-${i}`, attemptId: null, at }),
    );
    for (const feed of feeds) {
      await feed.until(() => feed.events.length >= published.length);
      expect(feed.events.map((e) => e.itemId)).toEqual(published.map((_, i) => `item-${i}`));
      expect(feed.events.map((e) => e.learnerName)).toEqual(published.map((_, i) => `name-${i}`));
      expect(feed.events.map((e) => e.learnerId)).toEqual(published.map((m) => m.id));
    }
    expect(lookups).not.toHaveBeenCalled();
  });

  it("should name the learner in events the server publishes itself (a real answer and a finish)", async () => {
    const feed = subscribe(wsClient(server, teacher.token), classroomId);
    await listeners(server, 3);
    const [learner] = members;
    const quiz = server.app.store.quizFile(server.app.store.content.lessons[0].quiz)!; // a lesson quiz: the diagnostic has no practice
    const start = await learner.gql(`mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) { id } }`, { q: quiz.id });
    await learner.gql(`mutation($a: ID!) { finishAttempt(attemptId: $a) { id } }`, { a: start.body.data.startAttempt.id });
    await feed.until(() => feed.events.some((e) => e.type === "ATTEMPT_FINISHED"));
    expect(feed.events.filter((e) => e.learnerId === learner.id).map((e) => [e.type, e.learnerName])).toEqual([
      ["ATTEMPT_STARTED", "Aïcha"],
      ["ATTEMPT_FINISHED", "Aïcha"],
    ]);
  });
});
