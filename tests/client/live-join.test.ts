// @vitest-environment happy-dom
/**
 * The phone's join page (LiveJoinPage) against a fake GraphQL server: a malformed code is explained without
 * asking the server; a guest gives a nickname (checked before it is sent); a signed-in member joins at once; a
 * signed-in visitor from outside the class is asked for a nickname when the server says so; every join goes
 * on to the play page.
 */
import { flushPromises, mount, RouterLinkStub } from "@vue/test-utils";
import urql from "@urql/vue";
import { afterEach, describe, expect, it, vi } from "vitest";
import type * as VueRouter from "vue-router";
import LiveJoinPage from "../../client/src/pages/live/LiveJoinPage.vue";
import { useAuth } from "../../client/src/composables/useAuth.js";
import { createAppI18n } from "../../client/src/i18n/index.js";
import { fakeGraphql } from "./fake-graphql.js";

const push = vi.fn();
vi.mock("vue-router", async (original) => ({ ...(await original<typeof VueRouter>()), useRouter: () => ({ push }) }));

afterEach(() => {
  document.body.innerHTML = "";
  useAuth().viewer.value = null;
  push.mockReset();
});

const info = { sessionId: "s1", quizTitle: "Quiz one", allowGuests: true, phase: "LOBBY" };
const participant = { id: "p1", sessionId: "s1", nickname: "x", guest: true };

function mountPage(server: ReturnType<typeof fakeGraphql>, code?: string) {
  return mount(LiveJoinPage, {
    props: code ? { code } : {},
    attachTo: document.body,
    global: { plugins: [createAppI18n("en"), [urql, server.client]], stubs: { RouterLink: RouterLinkStub } },
  });
}

describe("joining a live session", () => {
  it("should explain a malformed code without asking the server, then look a good one up as typed", async () => {
    const server = fakeGraphql({ LiveSessionByCode: () => ({ data: { liveSessionByCode: info } }) });
    const w = mountPage(server);
    await w.get("[data-testid=live-code-input]").setValue("ab1");
    await w.get("[data-testid=live-code-form]").trigger("submit");
    await flushPromises();
    expect(w.get("[data-testid=live-code-error]").text()).toBe("A session code has six letters and digits (no O, 0, I or 1).");
    expect(server.sent("LiveSessionByCode")).toBe(0);

    await w.get("[data-testid=live-code-input]").setValue("abc 234");
    await w.get("[data-testid=live-code-form]").trigger("submit");
    await flushPromises();
    expect(server.log.find((r) => r.operationName === "LiveSessionByCode")?.variables).toMatchObject({ code: "ABC234" });
    expect(w.get("[data-testid=live-quiz-title]").text()).toBe("Quiz one");
  });

  it("should let a guest join with a nickname, checked before it is sent", async () => {
    const server = fakeGraphql({
      LiveSessionByCode: () => ({ data: { liveSessionByCode: info } }),
      JoinLiveSession: () => ({ data: { joinLiveSession: participant } }),
    });
    const w = mountPage(server, "ABC234");
    await flushPromises();
    await w.get("[data-testid=live-nickname-form]").trigger("submit");
    await flushPromises();
    expect(w.get("[data-testid=live-nickname-error]").text()).toBe("A nickname is required.");
    expect(server.sent("JoinLiveSession")).toBe(0);

    await w.get("[data-testid=live-nickname-input]").setValue("  Desert   Fox ");
    await w.get("[data-testid=live-nickname-form]").trigger("submit");
    await flushPromises();
    expect(server.log.find((r) => r.operationName === "JoinLiveSession")?.variables).toEqual({ code: "ABC234", nickname: "Desert Fox" });
    expect(push).toHaveBeenCalledWith("/live/s1/play");
  });

  it("should let a signed-in member join at once, and ask a signed-in outsider for a nickname when the server says so", async () => {
    useAuth().viewer.value = { id: "u1", displayName: "Salma", email: "s@example.test", role: "LEARNER", locale: "EN" };
    let member = true;
    const server = fakeGraphql({
      LiveSessionByCode: () => ({ data: { liveSessionByCode: info } }),
      JoinLiveSession: (req) =>
        member || req.variables.nickname
          ? { data: { joinLiveSession: participant } }
          : { errors: [{ message: "Choose a nickname", extensions: { code: "live/nickname-required" } }] },
    });
    const w = mountPage(server, "ABC234");
    await flushPromises();
    expect(server.log.find((r) => r.operationName === "JoinLiveSession")?.variables).toEqual({ code: "ABC234", nickname: null });
    expect(push).toHaveBeenCalledWith("/live/s1/play");
    w.unmount();

    member = false;
    push.mockReset();
    const outsider = mountPage(server, "ABC234");
    await flushPromises();
    expect(push).not.toHaveBeenCalled();
    await outsider.get("[data-testid=live-nickname-input]").setValue("Visitor");
    await outsider.get("[data-testid=live-nickname-form]").trigger("submit");
    await flushPromises();
    expect(server.log.filter((r) => r.operationName === "JoinLiveSession").at(-1)?.variables).toEqual({ code: "ABC234", nickname: "Visitor" });
    expect(push).toHaveBeenCalledWith("/live/s1/play");
  });
});
