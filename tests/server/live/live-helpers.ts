/** Helpers of the live session tests: GraphQL documents, a guest with their participant cookie, a session set up. */
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import type { Learner, TestServer } from "../../helpers/test-server.js";

export const QUIZ = "fq-d"; // the fixture quiz with practice-only items (SINGLE_CHOICE, TRUE_FALSE, CLASSIFY)

export const STATE = `id code phase itemIndex itemCount item { id type choices { id } } closesAt serverNow answeredCount participantCount
  distribution { rows { key count correct } answered essays } reveal { rightAnswer { choiceIds } explanation evidence { paragraphId } }
  leaderboard { nickname points } leaderboardOn allowGuests myAnswer { submitted correct score }`;
export const START_LIVE = `mutation($i: StartLiveSessionInput!) { startLiveSession(input: $i) { ${STATE} } }`;
export const JOIN = `mutation($c: String!, $n: String) { joinLiveSession(code: $c, nickname: $n) { id sessionId nickname guest } }`;
export const CONTROL = `mutation($s: ID!, $a: LiveAction!, $sec: Int) { liveControl(sessionId: $s, action: $a, seconds: $sec) { ${STATE} } }`;
export const ANSWER = `mutation($s: ID!, $i: String!, $c: String!, $a: AnswerInput!) { submitLiveAnswer(sessionId: $s, itemId: $i, clientAnswerId: $c, answer: $a) { submitted correct score } }`;
export const SESSION = `query($id: ID!) { liveSession(id: $id) { ${STATE} } }`;
export const SUBSCRIBE = `subscription($id: ID!) { liveSession(id: $id) { ${STATE} } }`;

/** Someone talking to the server with a cookie jar of one cookie: a guest's participant cookie. */
export interface Guest {
  cookie: string | null;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ body: { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] } }>;
}

export function guest(server: TestServer): Guest {
  const g: Guest = {
    cookie: null,
    async gql(query, variables) {
      const res = await fetch(`${server.url}graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(g.cookie ? { cookie: `live_participant=${g.cookie}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const set = res.headers.get("set-cookie");
      const m = set && /live_participant=([^;]*)/.exec(set);
      if (m) g.cookie = decodeURIComponent(m[1]);
      return { body: JSON.parse(await res.text()) };
    },
  };
  return g;
}

/** A class with an instructor and two members. */
export async function classWithMembers(server: TestServer, names = ["Amal", "Badr"]): Promise<{ teacher: Learner; classroomId: string; members: Learner[] }> {
  const teacher = await server.instructor("teacher");
  const room = (await teacher.gql(`mutation { createClassroom(name: "Live") { id joinCode } }`)).body.data.createClassroom;
  const members: Learner[] = [];
  for (const n of names) {
    const l = await server.learner(n);
    await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
    members.push(l);
  }
  return { teacher, classroomId: room.id, members };
}

export const code = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => res.body.errors?.[0]?.extensions?.code;

const clients: Client[] = [];

/** A graphql-ws client: a bearer token, or a guest's participant cookie with the upgrade. */
export function liveClient(server: TestServer, who: { token?: string; guestCookie?: string }): Client {
  const headers = who.guestCookie ? { cookie: `live_participant=${encodeURIComponent(who.guestCookie)}` } : undefined;
  const Impl = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  } as typeof WebSocket;
  const client = createClient({ url: server.url.replace(/^http/, "ws") + "graphql", webSocketImpl: Impl, connectionParams: who.token ? { authorization: `Bearer ${who.token}` } : {}, retryAttempts: 0 });
  clients.push(client);
  return client;
}

export async function closeClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
}

/** Collects a session subscription's messages; `until(pred)` waits at most 10 s. */
export function watch(client: Client, sessionId: string) {
  const messages: any[] = [];
  /** When each message arrived (performance.now()). */
  const times: number[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const stop = client.subscribe(
    { query: SUBSCRIBE, variables: { id: sessionId } },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        else {
          messages.push((v.data as any).liveSession);
          times.push(performance.now());
        }
        wake();
      },
      error: (e) => {
        errors.push(e);
        wake();
      },
      complete: () => {},
    },
  );
  const until = (pred: () => boolean, what = "condition") =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`timed out waiting for ${what}; messages ${JSON.stringify(messages.map((m) => [m.phase, m.answeredCount]))} errors ${JSON.stringify(errors)}`)), 10_000);
      const check = () => (pred() ? (clearTimeout(guard), resolve()) : waiters.push(check));
      check();
    });
  return { messages, times, errors, until, stop };
}
