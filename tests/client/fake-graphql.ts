/**
 * A GraphQL server in the test, for mounting composables that use @urql/vue: a real urql Client whose fetch is
 * answered by the test (by operation name, now or when the test resolves it) and whose subscriptions the test
 * feeds by hand. Every request is logged, so a test can say what was sent, and in which order.
 */
import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import type { ExecutionResult } from "@urql/core";
import urql from "@urql/vue";
import { mount } from "@vue/test-utils";
import { defineComponent } from "vue";

export interface SentRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
type Handler = (req: SentRequest) => Answer | Promise<Answer>;
type Sink = { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void };

export function fakeGraphql(handlers: Record<string, Handler>) {
  const log: SentRequest[] = [];
  const sinks: Sink[] = [];

  async function fakeFetch(_url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
    const req = { operationName: body.operationName, variables: body.variables ?? {} };
    log.push(req);
    const handler = handlers[req.operationName];
    if (!handler) throw new Error(`the test has no answer for ${req.operationName}`);
    const answer = await handler(req);
    return new Response(JSON.stringify(answer), { status: 200, headers: { "content-type": "application/json" } });
  }

  const client = new Client({
    url: "http://test.invalid/graphql",
    exchanges: [
      subscriptionExchange({
        forwardSubscription: () => ({
          subscribe(sink: Sink) {
            sinks.push(sink);
            return { unsubscribe: () => void sinks.splice(sinks.indexOf(sink), 1) };
          },
        }),
      }),
      fetchExchange,
    ],
    fetch: fakeFetch as typeof fetch,
    preferGetMethod: false,
    requestPolicy: "network-only",
  });

  return {
    client,
    log,
    /** How many requests of this operation were sent. */
    sent: (operationName: string) => log.filter((r) => r.operationName === operationName).length,
    /** Pushes one event to every open subscription. */
    publish(data: unknown) {
      for (const s of [...sinks]) s.next({ data } as ExecutionResult);
    },
    openSubscriptions: () => sinks.length,
  };
}

/** Runs a composable inside a mounted component that has the fake client; returns what it returned. */
export function mountComposable<T>(client: Client, use: () => T) {
  let api!: T;
  const Host = defineComponent({
    setup() {
      api = use();
      return () => null;
    },
  });
  const wrapper = mount(Host, { global: { plugins: [[urql, client]] } });
  return { api, wrapper };
}

/** A promise the test settles by hand. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
