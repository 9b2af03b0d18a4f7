// @vitest-environment happy-dom
/**
 * Parts of a page that load after it (client/src/components/layout/lazy-component.ts): nothing while a fast
 * load runs, the pages' spinner when it takes longer than 200 ms, the network alert when the code cannot be
 * fetched; a `quiet` part shows nothing until it has loaded, and nothing if it cannot be.
 */
import { flushPromises } from "@vue/test-utils";
import { describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import { lazyComponent } from "../../client/src/components/layout/lazy-component.js";
import { mountWith } from "./mount.js";

const Card = defineComponent({ props: { label: { type: String, required: true } }, setup: (p) => () => h("p", { "data-testid": "card" }, p.label) });

/** What import() gives: a module namespace, whose default export Vue takes. */
const asModule = (c: typeof Card) => ({ default: c, [Symbol.toStringTag]: "Module" }) as { default: typeof Card };

/** The lazy part inside a page, as the pages use it. */
const host = (lazy: ReturnType<typeof lazyComponent>, label: string) =>
  mountWith({ render: () => h("div", { class: "host" }, [h(lazy, { label })]) }, {});

function deferred() {
  let resolve!: (m: { default: typeof Card }) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<{ default: typeof Card }>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("lazyComponent", () => {
  it("should show nothing for a fast load, the spinner after 200 ms, then the part with its props", async () => {
    vi.useFakeTimers();
    try {
      const load = deferred();
      const w = host(lazyComponent(() => load.promise), "hello");
      await flushPromises();
      expect(w.text()).toBe("");
      vi.advanceTimersByTime(250);
      await flushPromises();
      expect(w.find(".spinner").exists()).toBe(true);
      expect(w.text()).toContain("Loading");
      load.resolve(asModule(Card));
      await flushPromises();
      expect(w.get("[data-testid=card]").text()).toBe("hello");
      expect(w.find(".spinner").exists()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("should show the network alert when the code cannot be fetched", async () => {
    const w = host(lazyComponent(() => Promise.reject(new Error("offline"))), "x");
    await flushPromises();
    await vi.waitFor(() => expect(w.get("[role=alert]").text()).toMatch(/Cannot reach the server/));
  });

  it("should show nothing at all for a quiet part until it loads, and nothing if it cannot", async () => {
    const load = deferred();
    const w = host(lazyComponent(() => load.promise, { quiet: true }), "note");
    await new Promise((r) => setTimeout(r, 250));
    expect(w.html()).not.toContain("spinner");
    load.resolve(asModule(Card));
    await flushPromises();
    expect(w.get("[data-testid=card]").text()).toBe("note");
    // Vue rethrows a loader's failure when the part has no error component: nothing may escape as a rejection.
    const escaped: unknown[] = [];
    const onRejection = (reason: unknown) => escaped.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const failed = host(lazyComponent(() => Promise.reject(new Error("offline")), { quiet: true }), "x");
      await flushPromises();
      await new Promise((r) => setTimeout(r, 20));
      expect(failed.find("[role=alert]").exists()).toBe(false);
      expect(failed.html()).not.toContain("offline");
      expect(escaped).toEqual([]);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
});
