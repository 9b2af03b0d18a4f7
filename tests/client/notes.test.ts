// @vitest-environment happy-dom
/**
 * Notes on the client: the spans a note can be on (sentences for the keyboard, a mouse selection as offsets),
 * and useNotes writing through the offline outbox: a note made offline is shown at once as waiting, kept,
 * and sent once the network is back; a delete replaces a waiting save.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ref } from "vue";
import { paragraphSentences, selectionIn } from "../../client/src/components/lesson/note-spans.js";
import type { QueuedNote } from "../../client/src/composables/useNotes.js";
import { useNotes } from "../../client/src/composables/useNotes.js";
import { memoryStore } from "../../client/src/offline/idb-store.js";
import { fakeGraphql, mountComposable } from "./fake-graphql.js";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("paragraphSentences", () => {
  const rows: [text: string, sentences: string[]][] = [
    ["One. Two!  Three?", ["One.", "Two!", "Three?"]],
    ["هل انتهى؟ نعم. بالتأكيد", ["هل انتهى؟", "نعم.", "بالتأكيد"]],
    ["A single sentence.", []],
    ["", []],
  ];
  it.each(rows)("splits %j", (text, sentences) => {
    const spans = paragraphSentences(text);
    expect(spans.map((s) => s.exact)).toEqual(sentences);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.exact);
  });
});

describe("selectionIn", () => {
  it("gives the selected words as offsets into the paragraph's text, across inline elements, trimmed", () => {
    document.body.innerHTML = `<p id="p">In 2023 <button>Mali</button> asked the UN to leave.</p><p id="q">Elsewhere</p>`;
    const p = document.getElementById("p")!;
    const range = document.createRange();
    range.setStart(p.childNodes[1].firstChild!, 0); // "Mali"
    range.setEnd(p.childNodes[2], 10); // " asked the"
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const span = selectionIn(p)!;
    expect(span.exact).toBe("Mali asked the");
    expect(p.textContent!.slice(span.start, span.end)).toBe("Mali asked the");
    expect(selectionIn(document.getElementById("q")!)).toBeNull();
  });
});

describe("useNotes", () => {
  function server() {
    const state = { online: false, notes: [] as any[], saves: 0, deletes: 0 };
    const fake = fakeGraphql({
      MyNotes: () => ({ data: { myNotes: state.notes } }),
      SaveNote: (req) => {
        if (!state.online) throw new TypeError("Failed to fetch");
        state.saves++;
        const i = (req.variables as any).input;
        const note = { __typename: "Note", id: i.id, lessonSlug: "l1", paragraphId: i.paragraphId, language: i.language, quote: i.exact, body: i.body, status: "ANCHORED", start: i.start, end: i.end, updatedAt: "2026-01-01T00:00:00.000Z" };
        state.notes = [...state.notes.filter((n) => n.id !== i.id), note];
        return { data: { saveNote: note } };
      },
      DeleteNote: (req) => {
        if (!state.online) throw new TypeError("Failed to fetch");
        state.deletes++;
        const before = state.notes.length;
        state.notes = state.notes.filter((n) => n.id !== (req.variables as any).id);
        return { data: { deleteNote: state.notes.length < before } };
      },
    });
    return { state, fake };
  }

  it("should show a note made offline at once as waiting, keep it, and send it once online", async () => {
    const { state, fake } = server();
    const store = memoryStore<QueuedNote>();
    const { api } = mountComposable(fake.client, () => useNotes(ref("l1"), ref(true), { store, retryMs: [3_600_000, 3_600_000] }));
    await flushPromises();
    await api.add({ lessonSlug: "l1", paragraphId: "l1-p1", language: "AR", span: { start: 3, end: 7, exact: "مالي" }, body: "سؤال" });
    await api.settled();
    await flushPromises();
    expect(api.notes.value).toEqual([expect.objectContaining({ paragraphId: "l1-p1", quote: "مالي", body: "سؤال", pending: true })]);
    expect(await store.all()).toHaveLength(1);
    expect(state.saves).toBe(0);

    state.online = true;
    window.dispatchEvent(new Event("online"));
    await api.settled();
    await flushPromises();
    expect(state.saves).toBe(1);
    expect(await store.all()).toHaveLength(0);
    expect(api.notes.value).toEqual([expect.objectContaining({ quote: "مالي", body: "سؤال", pending: false })]);
  });

  it("should let a delete replace a waiting save, so nothing reaches the server", async () => {
    const { state, fake } = server();
    const store = memoryStore<QueuedNote>();
    const { api } = mountComposable(fake.client, () => useNotes(ref("l1"), ref(true), { store, retryMs: [3_600_000, 3_600_000] }));
    await flushPromises();
    await api.add({ lessonSlug: "l1", paragraphId: "l1-p2", language: "EN", span: null, body: "changed my mind" });
    await api.settled();
    await api.remove(api.notes.value[0]);
    await api.settled();
    await flushPromises();
    expect(api.notes.value).toEqual([]);
    state.online = true;
    window.dispatchEvent(new Event("online"));
    await api.settled();
    await flushPromises();
    expect(state.saves).toBe(0);
    expect(state.deletes).toBe(1);
    expect(state.notes).toEqual([]);
    expect(await store.all()).toHaveLength(0);
  });
});
