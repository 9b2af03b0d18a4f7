// @vitest-environment happy-dom
/** The actor-relations map: layout follows the page direction, keys zoom and pan, selecting an actor lists its relations with evidence, and the table holds every relation. */
import { afterEach, describe, expect, it } from "vitest";
import type { VueWrapper } from "@vue/test-utils";
import ActorMapView from "../../client/src/components/actors/ActorMapView.vue";
import { HOME, MAP_SIZE, circleLayout, viewAfterKey } from "../../client/src/components/actors/actor-layout.js";
import { mountWith } from "./mount.js";

const actor = (id: string, name: string, kind = "article", source: unknown = null, aliases: string[] = []) => ({ __typename: "Actor" as const, id, name, aliases, role: `role of ${name}`, kind, source });
const map = {
  __typename: "ActorMap" as const,
  actors: [actor("mali", "Mali", "article", null, ["Republic of Mali", "Bamako"]), actor("morocco", "Morocco"), actor("algeria", "Algeria"), actor("ecowas", "ECOWAS", "context", { __typename: "ContextSourceRef", publisher: "AllAfrica", date: "2025-01-29", url: "https://allafrica.com/x" })],
  relations: [
    { __typename: "ActorRelation" as const, id: "mali>morocco>cooperation", from: "mali", to: "morocco", type: "cooperation", label: "Joint commission", source: null, evidence: [{ __typename: "EvidenceRef" as const, paragraphId: "l1-p1", lessonSlug: "event", lessonTitle: "The event" }] },
    { __typename: "ActorRelation" as const, id: "morocco>algeria>rivalry", from: "morocco", to: "algeria", type: "rivalry", label: "Contest", source: null, evidence: [{ __typename: "EvidenceRef" as const, paragraphId: "l2-p4", lessonSlug: "context", lessonTitle: "Context" }] },
    { __typename: "ActorRelation" as const, id: "mali>ecowas>withdrawal", from: "mali", to: "ecowas", type: "withdrawal", label: "Left", evidence: [], source: { __typename: "ContextSourceRef" as const, publisher: "AllAfrica", date: "2025-01-29", url: "https://allafrica.com/x" } },
  ],
};

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe("actor layout", () => {
  it("should start at the top and go the page's way round", () => {
    const ltr = circleLayout(["a", "b", "c", "d"], false);
    const rtl = circleLayout(["a", "b", "c", "d"], true);
    expect(ltr.get("a")).toEqual(rtl.get("a"));
    expect(ltr.get("a")!.y).toBeLessThan(MAP_SIZE / 2);
    expect(ltr.get("b")!.x).toBeGreaterThan(MAP_SIZE / 2);
    expect(rtl.get("b")!.x).toBeLessThan(MAP_SIZE / 2);
    expect(rtl.get("b")!.x + ltr.get("b")!.x).toBe(MAP_SIZE);
  });

  it("should zoom within limits, pan by arrows, reset with 0, and ignore other keys", () => {
    let v = HOME;
    for (let i = 0; i < 10; i++) v = viewAfterKey(v, "+")!;
    expect(v.zoom).toBe(3);
    v = viewAfterKey(v, "ArrowRight")!;
    v = viewAfterKey(v, "ArrowDown")!;
    expect([v.x, v.y]).toEqual([-40, -40]);
    expect(viewAfterKey(v, "0")).toEqual(HOME);
    expect(viewAfterKey(v, "a")).toBeNull();
  });
});

describe("ActorMapView", () => {
  it("should list an actor's relations with their evidence when it is chosen by keyboard, and say when a fact is beyond the article", async () => {
    wrapper = mountWith(ActorMapView, { map });
    expect(wrapper.text()).toContain("Choose an actor");
    const mali = wrapper.find('[data-actor="mali"]');
    expect(mali.attributes("role")).toBe("button");
    expect(mali.attributes("tabindex")).toBe("0");
    await mali.trigger("keydown", { key: "Enter" });
    expect(mali.attributes("aria-pressed")).toBe("true");
    const detail = wrapper.find('[data-testid="actors-detail"]');
    expect(detail.findAll("[data-relation]").map((r) => r.attributes("data-relation"))).toEqual(["mali>morocco>cooperation", "mali>ecowas>withdrawal"]);
    const links = detail.findAllComponents({ name: "RouterLinkStub" });
    expect(links.map((l: { props: (k: string) => unknown }) => l.props("to"))).toEqual([{ path: "/lessons/event", hash: "#l1-p1" }]);
    expect(detail.text()).toContain("Context beyond the article:");
    expect(detail.get('[data-testid="actor-aliases"]').text()).toBe("Also called: Republic of Mali, Bamako");
    expect(detail.find('a[href="https://allafrica.com/x"]').attributes("rel")).toContain("noopener");
  });

  it("should zoom and pan with keys on the focused map only", async () => {
    wrapper = mountWith(ActorMapView, { map });
    const canvas = wrapper.find('[data-testid="map-canvas"]');
    await canvas.trigger("keydown", { key: "+" });
    expect(canvas.attributes("data-zoom")).toBe("1.25");
    await wrapper.find('[data-actor="mali"]').trigger("keydown", { key: "+" });
    expect(canvas.attributes("data-zoom")).toBe("1.25");
    await wrapper.find('[data-testid="map-zoom-in"]').trigger("click");
    expect(canvas.attributes("data-zoom")).toBe("1.56");
    await canvas.trigger("keydown", { key: "0" });
    expect(canvas.attributes("data-zoom")).toBe("1");
  });

  it("should hold every relation in the table, with its evidence", () => {
    wrapper = mountWith(ActorMapView, { map }, "ar");
    const rows = wrapper.findAll("tbody tr");
    expect(rows).toHaveLength(3);
    expect(rows[0].find("th").text()).toBe("Mali");
    expect(rows[0].text()).toContain("تعاون");
    expect(rows[2].find('a[href="https://allafrica.com/x"]').exists()).toBe(true);
  });
});
