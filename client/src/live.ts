/**
 * The graphql-ws client (protocol graphql-transport-ws) for subscriptions, on the page's own origin and
 * /graphql path. The server authenticates the upgrade by the session cookie the browser sends with it, so
 * no token is handled here. Loaded lazily by urql.ts; one socket for the whole app, opened on the first
 * subscription and closed shortly after the last one ends.
 */
import { createClient } from "graphql-ws/client";
import type { Client } from "graphql-ws/client";
import type { Ref } from "vue";

/** The live connection's state, shown by the dashboard's live indicator. */
export type LiveStatus = "idle" | "connecting" | "live" | "offline";

let client: Client | undefined;

export function liveClient(hooks: { status: Ref<LiveStatus>; reconnects: Ref<number> }): Client {
  if (client) return client;
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  client = createClient({
    url: url.href,
    lazy: true,
    lazyCloseTimeout: 3_000,
    // A quiet class still proves the socket alive, so a dead one is noticed and reopened.
    keepAlive: 20_000,
    retryAttempts: 30,
    // Any close other than a deliberate one is worth retrying: a laptop lid, a restarted server.
    shouldRetry: () => true,
    on: {
      connecting: () => {
        if (hooks.status.value !== "live") hooks.status.value = "connecting";
      },
      connected: (_socket, _payload, wasRetry) => {
        hooks.status.value = "live";
        if (wasRetry) hooks.reconnects.value += 1;
      },
      closed: () => {
        hooks.status.value = "offline";
      },
    },
  });
  return client;
}
