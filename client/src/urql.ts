/**
 * The GraphQL client. Same-origin POSTs only: the session is an HttpOnly cookie the browser sends by itself,
 * and Apollo's CSRF prevention rejects GET queries without a preflight header, so GET is never used.
 * Subscriptions go over graphql-ws on the same /graphql path; its client (live.ts) is imported only when the
 * first subscription starts, so only the instructor's live dashboard ever downloads it.
 */
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from "@urql/core";
import type { ExecutionResult } from "@urql/core";
import { ref } from "vue";
import type { LiveStatus } from "./live.js";
import { publicReadsFetch } from "./offline/public-reads.js";
import { ltiHeaders } from "./lti-launch.js";

export type { LiveStatus };
/** Where the live connection stands, for the dashboard's "live" indicator. */
export const liveStatus = ref<LiveStatus>("idle");
/** Counts reconnections: events sent while the socket was down are lost, so watchers refetch when it moves. */
export const liveReconnects = ref(0);

export function createUrqlClient(url = "/graphql"): Client {
  return new Client({
    url,
    exchanges: [
      cacheExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe(sink: { next(value: ExecutionResult): void; error(error: unknown): void; complete(): void }) {
            let dispose: (() => void) | null = null;
            let closed = false;
            import("./live.js")
              .then(({ liveClient }) => {
                if (!closed) dispose = liveClient({ status: liveStatus, reconnects: liveReconnects }).subscribe({ ...request, query: request.query ?? "" }, sink);
              })
              .catch((e: unknown) => sink.error(e));
            return {
              unsubscribe() {
                closed = true;
                dispose?.();
              },
            };
          },
        }),
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    // Lessons and the course stay readable offline once opened (offline/public-reads.ts).
    fetch: publicReadsFetch,
    requestPolicy: "cache-and-network",
    // A page opened by an LTI launch also sends the launch's token (lti-launch.ts): cross-site frames may drop cookies.
    fetchOptions: () => ({ credentials: "same-origin", headers: { "content-type": "application/json", ...ltiHeaders() } }),
  });
}

/** The app's one client; pages reach it through @urql/vue's provideClient, the router guard directly. */
export const urqlClient = createUrqlClient();
