/**
 * The outbox's storage in IndexedDB, hand-written (about forty lines, no dependency): one database
 * "course-outbox", one object store "entries" keyed by [queue, key], so that several outboxes (quiz answers
 * now; offline practice answers and notes later) share it without seeing each other's entries. Entries
 * survive reloads, crashes and signing out. Where IndexedDB is missing or refused (some private modes), the
 * entries live in memory for the page's life: still sent, just not kept across a reload.
 */
import type { OutboxEntry, OutboxStore } from "./outbox.js";

const DB = "course-outbox";
const STORE = "entries";

interface Row<P> extends OutboxEntry<P> {
  queue: string;
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: ["queue", "key"] });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB refused"));
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

/** Runs `fn` in one transaction; resolves with its request's result once the transaction committed. */
async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = fn(t.objectStore(STORE));
    t.oncomplete = () => resolve(req ? req.result : undefined);
    t.onerror = t.onabort = () => reject(t.error ?? new Error("IndexedDB transaction failed"));
  });
}

export function idbStore<P>(queue: string): OutboxStore<P> {
  const bound = IDBKeyRange.bound([queue, ""], [queue, "\uffff"]);
  return {
    async all() {
      const rows = ((await tx("readonly", (s) => s.getAll(bound))) ?? []) as Row<P>[];
      return rows.map(({ key, id, payload, at }) => ({ key, id, payload, at }));
    },
    async put(entry) {
      // A JSON copy: payloads are JSON by contract, and a Vue reactive proxy (a draft answer) cannot be cloned.
      const row = JSON.parse(JSON.stringify({ ...entry, queue })) as Row<P>;
      await tx("readwrite", (s) => s.put(row));
    },
    async remove(key, id) {
      await tx("readwrite", (s) => {
        const get = s.get([queue, key]);
        get.onsuccess = () => {
          if ((get.result as Row<P> | undefined)?.id === id) s.delete([queue, key]);
        };
      });
    },
  };
}

export function memoryStore<P>(): OutboxStore<P> {
  const rows = new Map<string, OutboxEntry<P>>();
  return {
    all: async () => [...rows.values()],
    put: async (e) => void rows.set(e.key, e),
    remove: async (key, id) => {
      if (rows.get(key)?.id === id) rows.delete(key);
    },
  };
}

/** IndexedDB when this browser offers it, memory otherwise (and for the page's life if opening fails). */
export function outboxStore<P>(queue: string): OutboxStore<P> {
  if (typeof indexedDB === "undefined") return memoryStore<P>();
  const idb = idbStore<P>(queue);
  const mem = memoryStore<P>();
  let broken = false;
  const guard = <A extends unknown[], T>(f: (s: OutboxStore<P>) => (...a: A) => Promise<T>) => async (...a: A): Promise<T> => {
    if (!broken) {
      try {
        return await f(idb)(...a);
      } catch {
        broken = true;
      }
    }
    return f(mem)(...a);
  };
  return { all: guard((s) => s.all), put: guard((s) => s.put), remove: guard((s) => s.remove) };
}
