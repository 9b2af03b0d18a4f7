// @vitest-environment happy-dom
/** Course search in the client: hits render their passage as text with the found words marked, and link to it; the composable asks only for a real query. */
import { afterEach, describe, expect, it } from "vitest";
import { nextTick, ref } from "vue";
import { flushPromises } from "@vue/test-utils";
import type { VueWrapper } from "@vue/test-utils";
import SearchHitItem from "../../client/src/components/search/SearchHitItem.vue";
import { useSearch } from "../../client/src/composables/useSearch.js";
import { currentLocale } from "../../client/src/locale.js";
import { fakeGraphql, mountComposable } from "./fake-graphql.js";
import { mountWith } from "./mount.js";

const hit = (over: Record<string, unknown> = {}) => ({
  __typename: "SearchHit" as const,
  kind: "PARAGRAPH",
  lessonSlug: "event-and-actors",
  lessonTitle: "The event",
  anchor: "l1-p2",
  language: "AR" as const,
  truncatedStart: true,
  truncatedEnd: false,
  segments: [
    { __typename: "SearchSegment" as const, text: "ترأّس ", match: false },
    { __typename: "SearchSegment" as const, text: "الاجتماع", match: true },
    { __typename: "SearchSegment" as const, text: " <img src=x onerror=alert(1)>", match: false },
  ],
  ...over,
});

let wrapper: VueWrapper | undefined;
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  currentLocale.value = "ar";
});

describe("SearchHitItem", () => {
  it("should mark the found words, keep markup in the text as text, and say where the passage is", () => {
    wrapper = mountWith(SearchHitItem, { hit: hit() });
    expect(wrapper.findAll("mark").map((m) => m.text())).toEqual(["الاجتماع"]);
    expect(wrapper.find("img").exists()).toBe(false);
    expect(wrapper.text()).toContain("<img src=x onerror=alert(1)>");
    const passage = wrapper.find(".search-hit__passage");
    expect(passage.attributes("lang")).toBe("ar");
    expect(passage.attributes("dir")).toBe("rtl");
    expect(passage.text().startsWith("…")).toBe(true);
    expect(wrapper.text()).toContain("Paragraph");
    expect(wrapper.text()).toContain("The event");
  });

  it("should link to the passage's element in its lesson, flagged as found by search", () => {
    wrapper = mountWith(SearchHitItem, { hit: hit({ kind: "KEY_TERM", anchor: "l1-t1", language: "EN" }) }, "ar");
    const link = wrapper.findComponent({ name: "RouterLinkStub" });
    expect(link.props("to")).toEqual({ path: "/lessons/event-and-actors", query: { from: "search" }, hash: "#l1-t1" });
    expect(wrapper.find(".search-hit__passage").attributes("dir")).toBe("ltr");
    expect(wrapper.text()).toContain("مصطلح");
  });

  it("should label an actor found by an alias and the learner's own note", () => {
    wrapper = mountWith(SearchHitItem, { hit: hit({ kind: "ACTOR" }) });
    expect(wrapper.text()).toContain("Actor");
    wrapper.unmount();
    wrapper = mountWith(SearchHitItem, { hit: hit({ kind: "NOTE" }) }, "ar");
    expect(wrapper.text()).toContain("ملاحظتك");
  });

  it("should label a kind it does not know as other", () => {
    wrapper = mountWith(SearchHitItem, { hit: hit({ kind: "SOMETHING_NEW" }) });
    expect(wrapper.text()).toContain("Other");
  });
});

describe("useSearch", () => {
  it("should not ask the server for an empty query, and ask in the current language once there is one", async () => {
    const fake = fakeGraphql({ CourseSearch: () => ({ data: { search: { __typename: "SearchResults", total: 1, hits: [hit()] } } }) });
    const q = ref("   ");
    currentLocale.value = "en";
    const { api, wrapper: w } = mountComposable(fake.client, () => useSearch(q));
    wrapper = w;
    await flushPromises();
    expect(fake.sent("CourseSearch")).toBe(0);
    expect(api.hits.value).toEqual([]);
    q.value = "  الاجتماع ";
    await nextTick();
    await flushPromises();
    expect(fake.log.at(-1)).toEqual({ operationName: "CourseSearch", variables: { query: "الاجتماع", locale: "EN", first: 30 } });
    expect(api.total.value).toBe(1);
    expect(api.hits.value[0].anchor).toBe("l1-p2");
  });
});
