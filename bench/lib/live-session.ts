/**
 * The live class session row of the bench (issue 17): one server instance, an instructor's projector
 * subscription and PHONES simulated phones over graphql-ws (guests with their participant cookie), running 5
 * questions with a timer of SECONDS each; every phone answers each question at a random moment within the
 * timer. Measures: "show question" to a phone receiving it (p95), an answer's acknowledgement-order rank
 * appearing in the projector's answered count (p95, from the moment the answer was sent), acknowledged
 * answers missing from the report (must be 0), the projector's update rate, server RSS and CPU per phone.
 * LIVE_BENCH_PHONES (1,000) and LIVE_BENCH_SECONDS (20) make it small for a busy machine.
 */
import { randomUUID } from "node:crypto";
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import { loadContent } from "../../server/src/content/content.loader.js";
import { benchClass } from "./live-feed.js";
import { startChild } from "./child.js";
import { cpuMicros, peakRssMiB } from "./proc.js";

type Gql = (url: string, query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

export interface LiveSessionResult {
  phones: number;
  questions: number;
  timerSeconds: number;
  showToPhoneMs: { p50: number; p95: number; max: number; received: number; expected: number };
  answerToProjectorMs: { p50: number; p95: number; max: number };
  acknowledged: number;
  lost: number;
  refused: number;
  projectorUpdatesPerSecondMax: number;
  phoneMessagesPerQuestion: number;
  rssMiB: number;
  rssKiBPerPhone: number;
  cpuMsPerPhone: number;
}

/** A well-formed answer to a public item (right or wrong does not matter to the bench). */
function anyAnswer(item: { type: string; choices: { id: string }[]; targets: { id: string }[] }): Record<string, unknown> {
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

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

export async function liveSessionRow(root: string, env: Record<string, string>, dbEnv: Record<string, string>, contentDir: string, gql: Gql): Promise<LiveSessionResult> {
  const PHONES = Number(process.env.LIVE_BENCH_PHONES || 1000);
  const SECONDS = Number(process.env.LIVE_BENCH_SECONDS || 20);
  const QUESTIONS = 5;
  const content = await loadContent(contentDir);
  const quiz = content.quizzes.find((q) => q.items.filter((i) => i.pool === "practice").length >= QUESTIONS)!;
  const itemIds = quiz.items.filter((i) => i.pool === "practice").slice(0, QUESTIONS).map((i) => i.id);
  // A whole class from one address (the load generator): the socket cap must admit every phone.
  const serverEnv = { ...env, ...dbEnv, WS_MAX_SOCKETS_PER_ADDRESS: String(PHONES + 10) };
  const server = await startChild(["--import", "tsx", "server/src/main.ts"], serverEnv, root);
  const pid = server.proc.pid!;
  const clients: Client[] = [];
  try {
    const url = server.url;
    const { token: teacher, classroomId } = await benchClass(root, { ...env, ...dbEnv }, gql, url, []);
    const { startLiveSession: session } = await gql(
      url,
      `mutation($i: StartLiveSessionInput!) { startLiveSession(input: $i) { id code } }`,
      { i: { classroomId, quizId: quiz.id, itemIds, allowGuests: true } },
      teacher,
    );
    const rss0 = peakRssMiB(pid);
    const cpu0 = cpuMicros(pid);

    // Phones join (HTTP, the participant cookie) and subscribe (graphql-ws with the cookie on the upgrade).
    const phones: { cookie: string; received: Map<number, number>; messages: number }[] = [];
    for (let i = 0; i < PHONES; i++) {
      const res = await fetch(`${url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `mutation($c: String!, $n: String) { joinLiveSession(code: $c, nickname: $n) { id } }`, variables: { c: session.code, n: `phone ${i}` } }),
      });
      const cookie = /live_participant=([^;]*)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
      if (!cookie) throw new Error(`phone ${i} could not join: ${await res.text()}`);
      phones.push({ cookie: decodeURIComponent(cookie), received: new Map(), messages: 0 });
    }
    const subscribe = (headers: Record<string, string> | undefined, params: Record<string, unknown>, onState: (s: any) => void) =>
      new Promise<void>((resolve, reject) => {
        const Impl = class extends WebSocket {
          constructor(u: string, protocols?: string | string[]) {
            super(u, protocols, { headers });
          }
        } as typeof WebSocket;
        const client = createClient({ url: url.replace(/^http/, "ws") + "graphql", webSocketImpl: Impl, connectionParams: params, retryAttempts: 0, lazy: false });
        clients.push(client);
        let first = true;
        client.subscribe(
          { query: `subscription($id: ID!) { liveSession(id: $id) { phase itemIndex answeredCount item { id } } }`, variables: { id: session.id } },
          {
            next: (v) => {
              if (v.errors) return reject(new Error(JSON.stringify(v.errors)));
              onState((v.data as any).liveSession);
              if (first) {
                first = false;
                resolve();
              }
            },
            error: reject,
            complete: () => {},
          },
        );
      });
    const projector: { at: number; answered: number; itemIndex: number }[] = [];
    await subscribe(undefined, { authorization: `Bearer ${teacher}` }, (s) => projector.push({ at: performance.now(), answered: s.answeredCount, itemIndex: s.itemIndex }));
    for (let i = 0; i < phones.length; i += 50) {
      await Promise.all(
        phones.slice(i, i + 50).map((p) =>
          subscribe({ cookie: `live_participant=${encodeURIComponent(p.cookie)}` }, {}, (s) => {
            p.messages++;
            if (s.phase === "QUESTION" && !p.received.has(s.itemIndex)) p.received.set(s.itemIndex, performance.now());
          }),
        ),
      );
    }

    const showLatency: number[] = [];
    const answerLatency: number[] = [];
    let acknowledged = 0;
    let refused = 0;
    const control = async (action: string, seconds?: number) =>
      (await gql(url, `mutation($s: ID!, $a: LiveAction!, $sec: Int) { liveControl(sessionId: $s, action: $a, seconds: $sec) { itemIndex item { id type choices { id } targets { id } } } }`, { s: session.id, a: action, sec: seconds }, teacher)).liveControl;
    for (let q = 0; q < QUESTIONS; q++) {
      const shownAt = performance.now();
      const { item } = await control("SHOW_NEXT");
      await control("START_TIMER", SECONDS);
      // Each phone answers at a random moment within the timer (a little before its end, for the round trip).
      const sends: { sentAt: number; ackAt: number }[] = [];
      await Promise.all(
        phones.map(async (p) => {
          await new Promise((r) => setTimeout(r, Math.random() * (SECONDS * 1000 - 500)));
          const sentAt = performance.now();
          const res = await fetch(`${url}graphql`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: `live_participant=${encodeURIComponent(p.cookie)}` },
            body: JSON.stringify({
              query: `mutation($s: ID!, $i: String!, $c: String!, $a: AnswerInput!) { submitLiveAnswer(sessionId: $s, itemId: $i, clientAnswerId: $c, answer: $a) { submitted } }`,
              variables: { s: session.id, i: item.id, c: randomUUID(), a: anyAnswer(item) },
            }),
          });
          const body = await res.json();
          if (body.data?.submitLiveAnswer?.submitted) {
            acknowledged++;
            sends.push({ sentAt, ackAt: performance.now() });
          } else refused++;
        }),
      );
      // The k-th acknowledged answer is in the projector's count once it reads ≥ k.
      await new Promise((r) => setTimeout(r, 500));
      const seen = projector.filter((m) => m.itemIndex === q);
      sends.sort((a, b) => a.ackAt - b.ackAt);
      sends.forEach((s, k) => {
        const m = seen.find((x) => x.answered >= k + 1 && x.at >= s.sentAt);
        if (m) answerLatency.push(m.at - s.sentAt);
      });
      for (const p of phones) {
        const r = p.received.get(q);
        if (r !== undefined) showLatency.push(r - shownAt);
      }
      await control("REVEAL");
    }
    await control("END");
    const { liveSessionReport } = await gql(url, `query($id: ID!) { liveSessionReport(id: $id) { items { answered } } }`, { id: session.id }, teacher);
    const stored = (liveSessionReport.items as { answered: number }[]).reduce((n, i) => n + i.answered, 0);
    // The projector's update rate: the most messages in any one second.
    let maxPerSecond = 0;
    for (const m of projector) maxPerSecond = Math.max(maxPerSecond, projector.filter((x) => x.at >= m.at && x.at < m.at + 1000).length);
    const rss = peakRssMiB(pid);
    const cpuMs = (cpuMicros(pid) - cpu0) / 1000;
    return {
      phones: PHONES,
      questions: QUESTIONS,
      timerSeconds: SECONDS,
      showToPhoneMs: { p50: pct(showLatency, 50), p95: pct(showLatency, 95), max: Math.max(...showLatency), received: showLatency.length, expected: PHONES * QUESTIONS },
      answerToProjectorMs: { p50: pct(answerLatency, 50), p95: pct(answerLatency, 95), max: Math.max(...answerLatency) },
      acknowledged,
      lost: acknowledged - stored,
      refused,
      projectorUpdatesPerSecondMax: maxPerSecond,
      phoneMessagesPerQuestion: phones.reduce((n, p) => n + p.messages, 0) / PHONES / QUESTIONS,
      rssMiB: rss,
      rssKiBPerPhone: ((rss - rss0) * 1024) / PHONES,
      cpuMsPerPhone: cpuMs / PHONES,
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await server.stop();
  }
}
