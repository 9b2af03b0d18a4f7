/** The live class feed from a test: graphql-ws clients, a subscription that collects events, and waits with a 10 s guard. */
import { createClient } from "graphql-ws";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import type { TestServer } from "./test-server.js";

/** Every client made here, so a test file can close them all at the end. */
export const liveClients: Client[] = [];

export function wsClient(server: TestServer, token: string): Client {
  const url = server.url.replace(/^http/, "ws") + "graphql";
  const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  liveClients.push(client);
  return client;
}

export async function closeLiveClients(): Promise<void> {
  await Promise.all(liveClients.splice(0).map((c) => c.dispose()));
}

/** Resolves once the server holds n live subscriptions (a failure guard of 10 s, no fixed sleep). */
export function listeners(server: TestServer, n: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (server.app.services.activity.listenerCount >= n) resolve();
      else if (Date.now() - started > 10_000) reject(new Error(`only ${server.app.services.activity.listenerCount} subscriptions after 10 s`));
      else setTimeout(check, 5);
    };
    check();
  });
}

/** Collects events of a class's subscription; `until(pred)` waits (at most 10 s) for pred to hold. */
export function subscribe(client: Client, classroomId: string) {
  const events: any[] = [];
  const errors: unknown[] = [];
  const waiters: (() => void)[] = [];
  client.subscribe(
    { query: `subscription($id: ID!) { classroomActivity(classroomId: $id) { type learnerId learnerName quizId itemId at } }`, variables: { id: classroomId } },
    {
      next: (v) => {
        if (v.errors) errors.push(v.errors);
        else events.push(v.data!.classroomActivity);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => {
        errors.push(e);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => {},
    },
  );
  const until = (pred: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`timed out; events ${JSON.stringify(events)} errors ${JSON.stringify(errors)}`)), 10_000);
      const check = () => (pred() ? (clearTimeout(guard), resolve()) : waiters.push(check));
      check();
    });
  return { events, errors, until };
}
