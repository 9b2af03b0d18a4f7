// @vitest-environment happy-dom
/**
 * Notes on the client: the highlights drawn in a paragraph's text (highlightPieces: overlaps, adjacent,
 * nested, key terms, Arabic with diacritics, the whole paragraph), the spans a note can be on (a mouse
 * selection as offsets past the marks and buttons drawn over the text, a caret selection in a textarea),
 * and useNotes writing through the offline outbox: a note made offline is shown at once as waiting, kept,
 * and sent once the network is back; a delete replaces a waiting save; a save the server refuses is kept
 * with its reason, sent again after editing, or discarded.
 */
import { flushPromises } from "@vue/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { ref } from "vue";
import type { HighlightSpan, Piece } from "../../client/src/components/lesson/note-spans.js";
import { highlightPieces, selectionIn, textareaSpan } from "../../client/src/components/lesson/note-spans.js";
import type { QueuedNote, RejectedNote } from "../../client/src/composables/useNotes.js";
import { useNotes } from "../../client/src/composables/useNotes.js";
import { memoryStore } from "../../client/src/offline/idb-store.js";
import { fakeGraphql, mountComposable } from "./fake-graphql.js";
import LessonParagraphText from "../../client/src/components/lesson/LessonParagraphText.vue";
import { mountWith } from "./mount.js";

afterEach(() => {
  document.body.innerHTML = "";
});

/** Pieces drawn as a string: a mark [text|notes], a key term {…}, a highlight's button ^id; plain text as is. */
function draw(text: string, pieces: Piece[]): string {
  const run = (r: { start: number; end: number; notes: string[] }) => (r.notes.length ? `[${text.slice(r.start, r.end)}|${r.notes.join(" ")}]` : text.slice(r.start, r.end));
  return pieces.map((p) => (p.kind === "ref" ? `^${p.note}` : p.kind === "term" ? `{${p.runs.map(run).join("")}}` : run(p.run))).join("");
}

describe("highlightPieces", () => {
  const en = "Mali and Morocco";
  const ar = "اتّهمَت مالي الجزائرَ بالتدخّل"; // with shadda and short vowels: each a code unit of its own
  const h = (id: string, start: number, end: number): HighlightSpan => ({ id, start, end });
  const at = (text: string, words: string) => text.indexOf(words);
  const rows: [name: string, text: string, terms: { start: number; end: number }[], hs: HighlightSpan[], drawn: string][] = [
    ["no highlight", en, [], [], "Mali and Morocco"],
    ["one", en, [], [h("a", 0, 4)], "[Mali|a]^a and Morocco"],
    ["overlapping", en, [], [h("a", 0, 8), h("b", 5, 16)], "[Mali |a][and|a b]^a[ Morocco|b]^b"],
    ["adjacent", en, [], [h("a", 0, 4), h("b", 4, 8)], "[Mali|a]^a[ and|b]^b Morocco"],
    ["nested (the outer first)", en, [], [h("b", 5, 8), h("a", 0, 16)], "[Mali |a][and|a b]^b[ Morocco|a]^a"],
    ["the same span twice", en, [], [h("a", 9, 16), h("b", 9, 16)], "Mali and [Morocco|a b]^a^b"],
    ["the whole paragraph", en, [], [h("a", 0, en.length)], "[Mali and Morocco|a]^a"],
    ["a key term inside a highlight", en, [{ start: 9, end: 16 }], [h("a", 5, 16)], "Mali [and |a]{[Morocco|a]}^a"],
    ["a highlight ending inside a key term: its button after the term", en, [{ start: 9, end: 16 }], [h("a", 5, 12)], "Mali [and |a]{[Mor|a]occo}^a"],
    ["a highlight inside a key term", en, [{ start: 0, end: 4 }], [h("a", 1, 3)], "{M[al|a]i}^a and Morocco"],
    ["out of the text, empty or reversed: left out", en, [], [h("a", 10, 99), h("b", 3, 3), h("c", 5, 2)], "Mali and Morocco"],
    ["Arabic with diacritics", ar, [], [h("a", at(ar, "مالي"), at(ar, "مالي") + 4), h("b", at(ar, "الجزائرَ"), ar.length)], "اتّهمَت [مالي|a]^a [الجزائرَ بالتدخّل|b]^b"],
    ["Arabic, a key term and an overlap", ar, [{ start: at(ar, "مالي"), end: at(ar, "مالي") + 4 }], [h("a", 0, at(ar, "مالي") + 2), h("b", at(ar, "مالي"), at(ar, "الجزائرَ") + 8)], "[اتّهمَت |a]{[ما|a b][لي|b]}^a[ الجزائرَ|b]^b بالتدخّل"],
  ];
  it.each(rows)("draws %s", (_name, text, terms, hs, drawn) => {
    const pieces = highlightPieces(text.length, terms, hs);
    expect(draw(text, pieces)).toBe(drawn);
    // The runs cover the text exactly once, in order.
    const runs = pieces.flatMap((p) => (p.kind === "text" ? [p.run] : p.kind === "term" ? p.runs : []));
    expect(runs.map((r) => text.slice(r.start, r.end)).join("")).toBe(text);
  });
});

describe("LessonParagraphText with highlights", () => {
  it("should mark each highlight in the text, with a button after it, outside the key term's, named and described, that opens the note", async () => {
    const text = "التأمت اللجنة العسكرية المشتركة في باماكو.";
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const paragraph = { __typename: "Paragraph" as const, id: "l1-p1", text, sourceParagraphs: [1], terms: [{ __typename: "TermMark" as const, termId: "t1", ...at("اللجنة العسكرية المشتركة") }] };
    const terms = [{ __typename: "KeyTerm" as const, id: "t1", term: "اللجنة العسكرية المشتركة", definition: "هيئة." }];
    const a = { id: "n-a", ...at("التأمت اللجنة"), quote: "التأمت اللجنة", body: "من؟" };
    const b = { id: "n-b", ...at("المشتركة في باماكو"), quote: "المشتركة في باماكو", body: "" };
    const wrapper = mountWith(LessonParagraphText, { paragraph, terms, highlights: [a, b] }, "ar");
    const marked = (id: string) => wrapper.findAll("mark.hl").filter((m) => m.attributes("data-notes")!.split(" ").includes(id)).map((m) => m.element.textContent).join("");
    expect(marked("n-a")).toBe("التأمت اللجنة");
    expect(marked("n-b")).toBe("المشتركة في باماكو");
    const refA = wrapper.find('[data-ref="n-a"]');
    expect(refA.element.closest("button.term")).toBeNull(); // after the term's button, not inside it
    expect(refA.attributes("aria-label")).toContain("التأمت اللجنة");
    expect(refA.attributes("aria-describedby")).toBe("note-body-n-a");
    expect(wrapper.find('[data-ref="n-b"]').attributes("aria-describedby")).toBeUndefined(); // a bare highlight
    await refA.trigger("click");
    expect(wrapper.emitted("open-note")).toEqual([["n-a"]]);
    // The text is whole: what is drawn besides it is marked data-nt.
    const visible = wrapper.element.cloneNode(true) as HTMLElement;
    visible.querySelectorAll("[data-nt]").forEach((e) => e.remove());
    expect(visible.textContent).toBe(text);
    wrapper.unmount();
  });
});

describe("textareaSpan", () => {
  it("gives the caret's selection trimmed of spaces, whichever way it was made; nothing for none", () => {
    const text = "اتّهمَت مالي الجزائرَ"; // "مالي" at 8..12: the shadda and the fatha count
    expect(textareaSpan(text, 7, 13)).toEqual({ start: 8, end: 12, exact: "مالي" });
    expect(textareaSpan(text, 13, 7)).toEqual({ start: 8, end: 12, exact: "مالي" });
    expect(textareaSpan(text, 4, 4)).toBeNull();
    expect(textareaSpan(text, 7, 8)).toBeNull();
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

  it("should count only the paragraph's text, past marks, highlight buttons and a term's hidden label", () => {
    document.body.innerHTML =
      `<p id="p">In <mark>2023</mark><button data-nt>✎</button> <button>Mali<span data-nt> (key term)</span></button><span data-nt>a definition</span> asked <mark>the UN</mark> to leave.</p>`;
    const p = document.getElementById("p")!;
    const text = "In 2023 Mali asked the UN to leave.";
    const range = document.createRange();
    range.setStart(p.querySelector("button:not([data-nt])")!.firstChild!, 2); // "li"
    range.setEnd(p.querySelectorAll("mark")[1].firstChild!, 3); // "the"
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    const span = selectionIn(p)!;
    expect(span.exact).toBe("li asked the");
    expect(text.slice(span.start, span.end)).toBe("li asked the");
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

  it("should keep a save the server refuses, with its reason, and send it again on the whole paragraph or discard it", async () => {
    // This server refuses every quoted span (as when the lesson's text changed while the note waited).
    const state = { online: false, notes: [] as any[], saves: 0 };
    const refusing = fakeGraphql({
      MyNotes: () => ({ data: { myNotes: state.notes } }),
      SaveNote: (req) => {
        if (!state.online) throw new TypeError("Failed to fetch");
        const i = (req.variables as any).input;
        if (i.exact !== null) return { errors: [{ message: "The highlighted text is not in this paragraph", extensions: { code: "BAD_USER_INPUT", field: "exact" } }], data: null };
        state.saves++;
        const note = { __typename: "Note", id: i.id, lessonSlug: "l1", paragraphId: i.paragraphId, language: i.language, quote: i.exact, body: i.body, status: "ANCHORED", start: i.start, end: i.end, updatedAt: "2026-01-01T00:00:00.000Z" };
        state.notes = [...state.notes, note];
        return { data: { saveNote: note } };
      },
      DeleteNote: () => ({ data: { deleteNote: false } }),
    });
    const store = memoryStore<QueuedNote>();
    const rejectedStore = memoryStore<RejectedNote>();
    const { api } = mountComposable(refusing.client, () => useNotes(ref("l1"), ref(true), { store, rejectedStore, retryMs: [3_600_000, 3_600_000] }));
    await flushPromises();
    await api.add({ lessonSlug: "l1", paragraphId: "l1-p1", language: "AR", span: { start: 3, end: 7, exact: "نص قديم" }, body: "فكرة مهمة" });
    await api.settled();
    expect(api.rejected.value).toEqual([]);

    state.online = true;
    window.dispatchEvent(new Event("online"));
    await api.settled();
    await flushPromises();
    // Refused: out of the outbox, but kept (and stored, so a reload shows it too) with the reason and the text.
    expect(await store.all()).toHaveLength(0);
    expect(api.rejected.value).toEqual([expect.objectContaining({ paragraphId: "l1-p1", quote: "نص قديم", body: "فكرة مهمة", reason: "notes.refused.span", spanRefused: true })]);
    expect((await rejectedStore.all()).map((e) => e.payload.body)).toEqual(["فكرة مهمة"]);
    const again = mountComposable(refusing.client, () => useNotes(ref("l1"), ref(true), { store: memoryStore<QueuedNote>(), rejectedStore, retryMs: [3_600_000, 3_600_000] }));
    await again.api.settled();
    expect(again.api.rejected.value.map((r) => r.body)).toEqual(["فكرة مهمة"]);
    expect(state.saves).toBe(0);

    // Sent again, edited: on the whole paragraph, accepted.
    await api.retry(api.rejected.value[0], "فكرة مهمة جدًا");
    await api.settled();
    await flushPromises();
    expect(state.saves).toBe(1);
    expect(state.notes).toEqual([expect.objectContaining({ quote: null, body: "فكرة مهمة جدًا" })]);
    expect(api.rejected.value).toEqual([]);
    expect(await rejectedStore.all()).toEqual([]);

    // Another refused, then discarded: gone from the list and the store.
    await api.add({ lessonSlug: "l1", paragraphId: "l1-p2", language: "EN", span: { start: 0, end: 3, exact: "old" }, body: "to drop" });
    await api.settled();
    await flushPromises();
    expect(api.rejected.value.map((r) => r.body)).toEqual(["to drop"]);
    await api.discard(api.rejected.value[0]);
    expect(api.rejected.value).toEqual([]);
    expect(await rejectedStore.all()).toEqual([]);
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
