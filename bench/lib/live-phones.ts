/**
 * A child process of simulated phones for the live session bench (bench/lib/live-session.ts), so that the
 * phones' own CPU and memory are neither the server's nor the bench's. Driven over IPC by the bench: `init`
 * (join COUNT guests by the code over HTTP, then subscribe each over graphql-ws with its participant cookie),
 * `question` (each phone answers the shown item once at a random moment within the timer) and `stop`. Every
 * socket and request leaves from this process's own loopback address (127.0.0.x), as a class behind one NAT
 * would: at most a class per address, so the server's default per-address socket cap (300) must admit it.
 * Times are wall-clock milliseconds (performance.timeOrigin + now), comparable across the bench's processes.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";

export type PhonesCommand =
  | { type: "init"; url: string; code: string; sessionId: string; count: number; first: number; localAddress: string }
  | { type: "question"; q: number; item: PublicItem; seconds: number; sessionId: string }
  | { type: "stop" };

export type PhonesReport =
  | { type: "ready" }
  | { type: "answered"; q: number; sends: [number, number][]; refused: Record<string, number>; received: number[] }
  | { type: "stopped"; messages: number }
  | { type: "error"; message: string };

export interface PublicItem {
  id: string;
  type: string;
  choices: { id: string }[];
  targets: { id: string }[];
}

export const wallNow = () => performance.timeOrigin + performance.now();

/** A well-formed answer to a public item (right or wrong does not matter to the bench). */
export function anyAnswer(item: PublicItem): Record<string, unknown> {
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "TRUE_FALSE":
    case "MULTIPLE_CHOICE":
      return { choiceIds: [item.choices[Math.floor(Math.random() * item.choices.length)].id] };
    case "ORDERING":
      return { sequence: item.choices.map((c) => c.id) };
    case "MATCHING":
      return { pairs: item.choices.map((c, i) => ({ leftId: c.id, rightId: item.targets[i % item.targets.length].id })) };
    case "CLASSIFY":
      return { pairs: item.choices.map((c) => ({ leftId: c.id, rightId: item.targets[0].id })) };
    default:
      return { text: "bench" };
  }
}

interface Phone {
  cookie: string;
  /** Wall time each item index was first seen in QUESTION. */
  received: Map<number, number>;
}

/** POST /graphql from a given local address (fetch cannot choose one); the body and the set-cookie header. */
function post(url: string, localAddress: string, agent: http.Agent, body: unknown, cookie?: string): Promise<{ json: any; setCookie: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      `${url}graphql`,
      {
        method: "POST",
        localAddress,
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), ...(cookie ? { cookie: `live_participant=${encodeURIComponent(cookie)}` } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => {
          try {
            resolve({ json: JSON.parse(text), setCookie: String(res.headers["set-cookie"] ?? "") });
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

async function main() {
  const phones: Phone[] = [];
  const clients: Client[] = [];
  let url = "";
  let localAddress = "127.0.0.1";
  let messages = 0;
  // An idle kept-alive socket is dropped after 4 s, before the server's keep-alive timeout (Node's 5 s) closes it:
  // otherwise a phone that waited longer than that may send its answer on a socket the server is closing
  // (ECONNRESET, counted as "network"), which a browser would quietly retry.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4000 });
  const send = (r: PhonesReport) => process.send!(r);

  async function init(c: Extract<PhonesCommand, { type: "init" }>) {
    url = c.url;
    localAddress = c.localAddress;
    // Join ten at a time (as a class arriving), then subscribe fifty at a time.
    for (let i = 0; i < c.count; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, c.count - i) }, async (_, k) => {
          const n = c.first + i + k;
          const { json, setCookie } = await post(url, localAddress, agent, { query: `mutation($c: String!, $n: String) { joinLiveSession(code: $c, nickname: $n) { id } }`, variables: { c: c.code, n: `phone ${n}` } });
          const cookie = /live_participant=([^;]*)/.exec(setCookie)?.[1];
          if (!cookie) throw new Error(`phone ${n} could not join: ${JSON.stringify(json)}`);
          phones.push({ cookie: decodeURIComponent(cookie), received: new Map() });
        }),
      );
    }
    const subscribe = (p: Phone) =>
      new Promise<void>((resolve, reject) => {
        const headers = { cookie: `live_participant=${encodeURIComponent(p.cookie)}` };
        const Impl = class extends WebSocket {
          constructor(u: string, protocols?: string | string[]) {
            super(u, protocols, { headers, localAddress });
          }
        } as typeof WebSocket;
        const client = createClient({ url: url.replace(/^http/, "ws") + "graphql", webSocketImpl: Impl, retryAttempts: 0, lazy: false });
        clients.push(client);
        let first = true;
        client.subscribe(
          { query: `subscription($id: ID!) { liveSession(id: $id) { phase itemIndex } }`, variables: { id: c.sessionId } },
          {
            next: (v) => {
              if (v.errors) return reject(new Error(JSON.stringify(v.errors)));
              messages++;
              const s = (v.data as { liveSession: { phase: string; itemIndex: number } }).liveSession;
              if (s.phase === "QUESTION" && !p.received.has(s.itemIndex)) p.received.set(s.itemIndex, wallNow());
              if (first) {
                first = false;
                resolve();
              }
            },
            error: (e) => reject(e instanceof Error ? e : new Error(String((e as { reason?: string }).reason ?? JSON.stringify(e)))),
            complete: () => {},
          },
        );
      });
    for (let i = 0; i < phones.length; i += 50) await Promise.all(phones.slice(i, i + 50).map(subscribe));
    send({ type: "ready" });
  }

  async function question(c: Extract<PhonesCommand, { type: "question" }>) {
    const sends: [number, number][] = [];
    // Refusals by error code (live/closed: sent too late for the timer, as a slow round trip makes it).
    const refused: Record<string, number> = {};
    const refuse = (why: string) => (refused[why] = (refused[why] ?? 0) + 1);
    await Promise.all(
      phones.map(async (p) => {
        // A random moment within the timer, a little before its end for the round trip.
        await new Promise((r) => setTimeout(r, Math.random() * (c.seconds * 1000 - 500)));
        const sentAt = wallNow();
        try {
          const { json } = await post(
            url,
            localAddress,
            agent,
            {
              query: `mutation($s: ID!, $i: String!, $c: String!, $a: AnswerInput!) { submitLiveAnswer(sessionId: $s, itemId: $i, clientAnswerId: $c, answer: $a) { submitted } }`,
              variables: { s: c.sessionId, i: c.item.id, c: randomUUID(), a: anyAnswer(c.item) },
            },
            p.cookie,
          );
          if (json.data?.submitLiveAnswer?.submitted) sends.push([sentAt, wallNow()]);
          else refuse(String(json.errors?.[0]?.extensions?.code ?? "no answer"));
        } catch {
          refuse("network");
        }
      }),
    );
    const received = phones.flatMap((p) => (p.received.has(c.q) ? [p.received.get(c.q)!] : []));
    send({ type: "answered", q: c.q, sends, refused, received });
  }

  process.on("message", (c: PhonesCommand) => {
    const run = c.type === "init" ? init(c) : c.type === "question" ? question(c) : stop();
    run.catch((e: unknown) => send({ type: "error", message: e instanceof Error ? e.stack ?? e.message : String(e) }));
  });

  async function stop() {
    await Promise.all(clients.map((cl) => cl.dispose()));
    agent.destroy();
    send({ type: "stopped", messages });
    process.disconnect();
  }
}

if (process.send) await main();
