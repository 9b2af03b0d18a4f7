/**
 * The outbox (client/src/offline/outbox.ts) on its own: stored before sent, sent once per id, newest per
 * key, one send per key in order, kept across a "reload", paused while signed out, dropped when refused.
 * And its IndexedDB storage (offline/idb-store.ts) on fake-indexeddb.
 */
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { reactive } from "vue";
import type { OutboxEntry, SendOutcome } from "../../client/src/offline/outbox.js";
import { Outbox, newId } from "../../client/src/offline/outbox.js";
import { idbStore, memoryStore } from "../../client/src/offline/idb-store.js";

type Out = SendOutcome<string>;

/** A send whose outcomes the test decides, one call at a time. */
function controlledSend() {
  const calls: { entry: OutboxEntry<string>; settle: (o: Out) => void }[] = [];
  const send = (entry: OutboxEntry<string>) => new Promise<Out>((settle) => calls.push({ entry, settle }));
  return { calls, send };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Outbox", () => {
  it("should store an entry before sending it, and remove it once the server confirmed it", async () => {
    const store = memoryStore<string>();
    const { calls, send } = controlledSend();
    const sent: string[] = [];
    const box = new Outbox(store, send, { sent: (e, r) => sent.push(`${e.payload}:${r}`) });
    const entry = await box.put("a1/q1", "A");
    expect(await store.all()).toEqual([entry]);
    expect(box.state("a1/q1")).toBe("sending");
    calls[0].settle({ kind: "sent", result: "ok" });
    await box.settled();
    expect(await store.all()).toEqual([]);
    expect(box.pending()).toEqual([]);
    expect(box.state("a1/q1")).toBeUndefined();
    expect(sent).toEqual(["A:ok"]);
  });

  it("should send one entry per key at a time: a newer answer waits for the one in flight, then only the newest goes", async () => {
    const store = memoryStore<string>();
    const { calls, send } = controlledSend();
    const box = new Outbox(store, send);
    await box.put("a1/q1", "A");
    await box.put("a1/q1", "B");
    await box.put("a1/q1", "C");
    await box.put("a1/q2", "X");
    await tick();
    expect(calls.map((c) => c.entry.payload)).toEqual(["A", "X"]);
    calls[0].settle({ kind: "sent", result: "ok" });
    await tick();
    await tick();
    expect(calls.map((c) => c.entry.payload)).toEqual(["A", "X", "C"]);
    calls[1].settle({ kind: "sent", result: "ok" });
    calls[2].settle({ kind: "sent", result: "ok" });
    await box.settled();
    expect(await store.all()).toEqual([]);
  });

  it("should keep an entry that could not be sent and send it again with the same id", async () => {
    const store = memoryStore<string>();
    const { calls, send } = controlledSend();
    const box = new Outbox(store, send);
    const entry = await box.put("a1/q1", "A");
    calls[0].settle({ kind: "retry" });
    await box.settled();
    expect(box.state("a1/q1")).toBe("waiting");
    expect(await store.all()).toEqual([entry]);
    const again = box.flush();
    await tick();
    expect(calls[1].entry).toEqual(entry);
    calls[1].settle({ kind: "sent", result: "ok" });
    await again;
    expect(box.pending()).toEqual([]);
  });

  it("should report a sent entry while it still counts as pending, and its removal at once, before storage is done", async () => {
    // A view built between the two (say, when a page's data arrives then) would show neither the pending
    // answer nor the sent one: the stale stored answer. Seen in the e2e journey before this order.
    const slow = memoryStore<string>();
    let removing!: () => void;
    const store = { ...slow, remove: (k: string, id: string) => new Promise<void>((r) => (removing = () => void slow.remove(k, id).then(r))) };
    const log: string[] = [];
    const box: Outbox<string, string> = new Outbox(store, async (): Promise<Out> => ({ kind: "sent", result: "ok" }), {
      sent: () => log.push(`sent, pending ${box.pending().length}`),
      change: () => log.push(`change, pending ${box.pending().length}`),
    });
    await box.load();
    log.length = 0;
    await box.put("k", "A");
    await tick();
    expect(log.slice(-2)).toEqual(["sent, pending 1", "change, pending 0"]);
    removing();
    await box.settled();
  });

  it("should treat a send that throws as one to retry", async () => {
    const box = new Outbox(memoryStore<string>(), async () => {
      throw new Error("fetch failed");
    });
    await box.put("k", "A");
    await box.settled();
    expect(box.state("k")).toBe("waiting");
  });

  it("should send the newest answer at once when the one in flight failed for lack of network, and never the older one", async () => {
    const { calls, send } = controlledSend();
    const box = new Outbox(memoryStore<string>(), send);
    await box.put("k", "old");
    await box.put("k", "new");
    calls[0].settle({ kind: "retry" });
    await tick();
    await tick();
    expect(calls.map((c) => c.entry.payload)).toEqual(["old", "new"]);
    calls[1].settle({ kind: "sent", result: "ok" });
    await box.settled();
    await box.flush();
    expect(calls).toHaveLength(2);
    expect(box.pending()).toEqual([]);
  });

  it("should keep what a page left unsent for the next page (a reload) and send it from there", async () => {
    const store = memoryStore<string>();
    const first = new Outbox(store, async (): Promise<Out> => ({ kind: "retry" }));
    const a = await first.put("a1/q1", "A");
    const b = await first.put("a1/q2", "B");
    await first.settled();
    const seen: OutboxEntry<string>[] = [];
    const second = new Outbox(store, async (e): Promise<Out> => (seen.push(e), { kind: "sent", result: "ok" }));
    await second.load();
    expect(second.pending().map((e) => e.payload).sort()).toEqual(["A", "B"]);
    await second.flush((k) => k === "a1/q1");
    expect(seen).toEqual([a]);
    expect(second.pending()).toEqual([b]);
  });

  it("should pause sending once signed out, keep the entries, and send them all after resume", async () => {
    const outcomes: Out[] = [{ kind: "signed-out" }];
    const seen: string[] = [];
    const box = new Outbox(memoryStore<string>(), async (e): Promise<Out> => (seen.push(e.payload), outcomes.shift() ?? { kind: "sent", result: "ok" }));
    await box.put("k1", "A");
    await box.settled();
    expect(box.paused).toBe(true);
    await box.put("k2", "B");
    await box.flush();
    expect(seen).toEqual(["A"]);
    expect(box.pending().map((e) => e.payload)).toEqual(["A", "B"]);
    await box.resume();
    await box.settled();
    expect(seen.sort()).toEqual(["A", "A", "B"]);
    expect(box.pending()).toEqual([]);
    expect(box.paused).toBe(false);
  });

  it("should drop and report an entry the server refused for good", async () => {
    const store = memoryStore<string>();
    const refused: string[] = [];
    const box = new Outbox(store, async (): Promise<Out> => ({ kind: "rejected", reason: "attempt/closed" }), { rejected: (e, why) => refused.push(`${e.payload}:${why}`) });
    await box.put("k", "A");
    await box.settled();
    expect(refused).toEqual(["A:attempt/closed"]);
    expect(await store.all()).toEqual([]);
  });

  it("should count a put as pending at once, before its storage finished", async () => {
    let release!: () => void;
    const slow = memoryStore<string>();
    const box = new Outbox({ ...slow, put: (e) => new Promise<void>((r) => (release = () => void slow.put(e).then(r))) }, async (): Promise<Out> => ({ kind: "retry" }));
    await box.load();
    const putting = box.put("k", "A");
    expect(box.pending().map((e) => e.payload)).toEqual(["A"]);
    release();
    await putting;
  });

  it("should make RFC 4122 version 4 ids", () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("idbStore", () => {
  it("should keep entries per queue, replace by key, and remove only the entry with the given id", async () => {
    const answers = idbStore<{ text: string }>("answers");
    const notes = idbStore<{ text: string }>("notes");
    const e1 = { key: "a1/q1", id: newId(), payload: { text: "one" }, at: 1 };
    const e2 = { ...e1, id: newId(), payload: { text: "two" }, at: 2 };
    await answers.put(e1);
    await notes.put({ ...e1, payload: { text: "note" } });
    await answers.put(e2);
    expect(await answers.all()).toEqual([e2]);
    await answers.remove("a1/q1", e1.id); // an older id: the newer entry stays
    expect(await answers.all()).toEqual([e2]);
    await answers.remove("a1/q1", e2.id);
    expect(await answers.all()).toEqual([]);
    expect((await notes.all()).map((e) => e.payload.text)).toEqual(["note"]);
  });

  it("should store a Vue reactive payload (a draft answer) as plain data", async () => {
    const draft = reactive({ choiceIds: ["q.a"] });
    const e = { key: "a1/q2", id: newId(), payload: draft, at: 3 };
    await idbStore<{ choiceIds: string[] }>("drafts").put(e);
    expect(await idbStore<{ choiceIds: string[] }>("drafts").all()).toEqual([{ ...e, payload: { choiceIds: ["q.a"] } }]);
  });

  it("should survive a new connection (a reload): what was put is read back", async () => {
    const e = { key: "a9/q9", id: newId(), payload: "kept", at: 5 };
    await idbStore<string>("reload").put(e);
    expect(await idbStore<string>("reload").all()).toEqual([e]);
  });
});
