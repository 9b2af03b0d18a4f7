// @vitest-environment happy-dom
/**
 * The phone's live view (LivePlayPage + useLiveSession) against a fake GraphQL server: the question comes with
 * the quiz's own input for its type, the answer goes once with a client id that a retry keeps, a late state
 * never replaces a newer one, and the reveal shows this phone's verdict and the evidence. The console's
 * controls send the contract's actions.
 */
import { flushPromises, mount, RouterLinkStub } from "@vue/test-utils";
import urql from "@urql/vue";
import { afterEach, describe, expect, it } from "vitest";
import type { Component } from "vue";
import LiveConsolePage from "../../client/src/pages/live/LiveConsolePage.vue";
import LivePlayPage from "../../client/src/pages/live/LivePlayPage.vue";
import type { LiveSessionState } from "../../client/src/composables/useLiveSession.js";
import { createAppI18n } from "../../client/src/i18n/index.js";
import { fakeGraphql } from "./fake-graphql.js";
import { quizItem } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

const item = quizItem("SINGLE_CHOICE", { id: "fq-1" });
const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, s)).toISOString();
function state(over: Partial<LiveSessionState> = {}): LiveSessionState {
  return {
    id: "s1",
    code: "ABC234",
    classroomId: "c1",
    quizId: "fq",
    phase: "QUESTION",
    itemIndex: 0,
    itemCount: 3,
    item,
    closesAt: null,
    serverNow: at(0),
    answeredCount: 0,
    participantCount: 3,
    distribution: null,
    reveal: null,
    leaderboard: null,
    leaderboardOn: false,
    allowGuests: true,
    myAnswer: { submitted: false, correct: null, score: null },
    ...over,
  };
}

function mountPage(page: Component, client: ReturnType<typeof fakeGraphql>["client"]) {
  return mount(page, {
    props: { sessionId: "s1" },
    attachTo: document.body,
    global: { plugins: [createAppI18n("en"), [urql, client]], stubs: { RouterLink: RouterLinkStub } },
  });
}

describe("the phone's live view", () => {
  it("should show the question with the quiz's input and send the answer once, a retry keeping its client id", async () => {
    let fail = true;
    const server = fakeGraphql({
      LiveSession: () => ({ data: { liveSession: state() } }),
      SubmitLiveAnswer: () => {
        if (fail) {
          fail = false;
          return { errors: [{ message: "busy", extensions: { code: "storage/unavailable" } }] };
        }
        return { data: { submitLiveAnswer: { submitted: true, correct: null, score: null } } };
      },
    });
    const w = mountPage(LivePlayPage, server.client);
    await flushPromises();
    expect(w.get("[data-testid=live-prompt]").text()).toBe("Which one?");
    const radios = w.findAll("input[type=radio]");
    expect(radios).toHaveLength(4);
    const send = w.get("[data-testid=live-send]");
    expect(send.attributes("disabled")).toBeDefined(); // nothing chosen yet

    await radios[1].setValue(true);
    await send.trigger("click");
    await flushPromises();
    expect(w.find("[data-testid=live-play-error]").exists()).toBe(true);
    await w.get("[data-testid=live-send]").trigger("click");
    await flushPromises();

    const sends = server.log.filter((r) => r.operationName === "SubmitLiveAnswer");
    expect(sends).toHaveLength(2);
    expect(sends[0].variables).toMatchObject({ sessionId: "s1", itemId: "fq-1", answer: { choiceIds: ["q.b"] } });
    expect(sends[1].variables.clientAnswerId).toBe(sends[0].variables.clientAnswerId);
    expect(w.get("[data-testid=live-sent]").text()).toContain("Answer sent");
    expect(w.find("[data-testid=live-send]").exists()).toBe(false);
    expect(w.findAll("input[type=radio]").every((r) => (r.element as HTMLInputElement).disabled)).toBe(true);
  });

  it("should resume from the first message of the feed, ignore an older state, and show the verdict and evidence when revealed", async () => {
    const server = fakeGraphql({ LiveSession: () => ({ data: { liveSession: state({ phase: "LOBBY", itemIndex: -1, item: null }) } }) });
    const w = mountPage(LivePlayPage, server.client);
    await flushPromises();
    expect(w.find("[data-testid=live-lobby]").exists()).toBe(true);

    // A reconnecting phone: the feed's first message is the whole state, its own answer included.
    server.publish({ liveSession: state({ phase: "LOCKED", serverNow: at(30), myAnswer: { submitted: true, correct: null, score: null } }) });
    await flushPromises();
    expect(w.get("[data-testid=live-play]").attributes("data-phase")).toBe("LOCKED");
    expect(w.find("[data-testid=live-sent]").exists()).toBe(true);

    // A state produced before the one shown (a slow instance) changes nothing.
    server.publish({ liveSession: state({ phase: "OPEN", serverNow: at(10), closesAt: at(20) }) });
    await flushPromises();
    expect(w.get("[data-testid=live-play]").attributes("data-phase")).toBe("LOCKED");

    server.publish({
      liveSession: state({
        phase: "REVEALED",
        serverNow: at(40),
        myAnswer: { submitted: true, correct: true, score: 1 },
        distribution: { rows: [{ key: "q.a", label: "text a", count: 1, correct: false }, { key: "q.b", label: "text b", count: 2, correct: true }], answered: 3, essays: null },
        reveal: { rightAnswer: { choiceIds: ["q.b"] }, explanation: "Because the lesson says so.", evidence: [{ lessonSlug: "fx-a", paragraphId: "fx-a-p2", text: "The paragraph." }] },
      }),
    });
    await flushPromises();
    expect(w.get("[data-testid=live-verdict]").text()).toBe("Right!");
    expect(w.get("[data-testid=live-right-answer]").text()).toBe("text b");
    expect(w.get("[data-testid=live-reveal]").text()).toContain("The paragraph.");
    const rows = w.findAll("[data-testid=live-distribution] li");
    expect(rows.map((r) => [r.attributes("data-key"), r.attributes("data-count")])).toEqual([
      ["q.a", "1"],
      ["q.b", "2"],
    ]);
    expect(rows[1].text()).toContain("text b");
    expect(rows[1].text()).toContain("right answer");
  });

  it("should name a typed answer's row by the server's label, and show no right answer for an essay", async () => {
    const essay = quizItem("SHORT_ANSWER", { id: "fq-2" });
    const server = fakeGraphql({
      LiveSession: () => ({
        data: {
          liveSession: state({
            item: essay,
            phase: "REVEALED",
            distribution: { rows: [{ key: "=typed-1", label: "Bamako", count: 2, correct: true }], answered: 2, essays: null },
            reveal: { rightAnswer: null, explanation: "Why.", evidence: [] },
          }),
        },
      }),
    });
    const w = mountPage(LivePlayPage, server.client);
    await flushPromises();
    expect(w.get("[data-testid=live-distribution] li").text()).toContain("Bamako");
    expect(w.find("[data-testid=live-right-answer]").exists()).toBe(false);
    expect(w.get("[data-testid=live-reveal]").text()).toContain("Why.");
  });

  it("should take an untouched ordering as the answer only once asked to", async () => {
    const ordering = quizItem("ORDERING", { id: "fq-3" });
    const server = fakeGraphql({
      LiveSession: () => ({ data: { liveSession: state({ item: ordering }) } }),
      SubmitLiveAnswer: () => ({ data: { submitLiveAnswer: { submitted: true, correct: null, score: null } } }),
    });
    const w = mountPage(LivePlayPage, server.client);
    await flushPromises();
    expect(w.get("[data-testid=live-send]").attributes("disabled")).toBeDefined();
    await w.get("[data-testid=keep-order]").trigger("click");
    await w.get("[data-testid=live-send]").trigger("click");
    await flushPromises();
    expect(server.log.find((r) => r.operationName === "SubmitLiveAnswer")?.variables.answer).toEqual({ sequence: ["q.e1", "q.e2", "q.e3"] });
  });

  it("should say so when no answer was sent before the reveal", async () => {
    const server = fakeGraphql({ LiveSession: () => ({ data: { liveSession: state({ phase: "REVEALED", reveal: { rightAnswer: { choiceIds: ["q.a"] }, explanation: "", evidence: [] } }) } }) });
    const w = mountPage(LivePlayPage, server.client);
    await flushPromises();
    expect(w.get("[data-testid=live-verdict]").text()).toBe("No answer was sent for this question.");
    expect(w.find("[data-testid=live-send]").exists()).toBe(false);
  });
});

describe("the instructor's console", () => {
  it("should offer the phase's steps and send them with the timer's seconds", async () => {
    const server = fakeGraphql({
      LiveSession: () => ({ data: { liveSession: state({ myAnswer: null }) } }),
      LiveControl: () => ({ data: { liveControl: { id: "s1", phase: "OPEN", itemIndex: 0, serverNow: at(1) } } }),
    });
    const w = mountPage(LiveConsolePage, server.client);
    await flushPromises();
    expect(w.findAll("[data-testid^=live-action-]").map((b) => b.attributes("data-testid"))).toEqual(["live-action-START_TIMER", "live-action-LOCK", "live-action-END"]);
    await w.get("[data-testid=live-seconds]").setValue("30");
    await w.get("[data-testid=live-action-START_TIMER]").trigger("click");
    await flushPromises();
    expect(server.log.find((r) => r.operationName === "LiveControl")?.variables).toEqual({ sessionId: "s1", action: "START_TIMER", seconds: 30 });
    // The state is read again after a step, in case the feed is slow.
    expect(server.sent("LiveSession")).toBe(2);
  });

  it("should refuse a timer outside 5 to 300 seconds without asking the server", async () => {
    const server = fakeGraphql({ LiveSession: () => ({ data: { liveSession: state({ myAnswer: null }) } }) });
    const w = mountPage(LiveConsolePage, server.client);
    await flushPromises();
    await w.get("[data-testid=live-seconds]").setValue("2");
    await w.get("[data-testid=live-action-START_TIMER]").trigger("click");
    await flushPromises();
    expect(w.get("[data-testid=live-console-error]").text()).toBe("The timer takes 5 to 300 seconds.");
    expect(server.sent("LiveControl")).toBe(0);
  });
});
