/**
 * The GraphQL client. Same-origin POSTs only: the session is an HttpOnly cookie the browser sends by itself,
 * and Apollo's CSRF prevention rejects GET queries without a preflight header, so GET is never used.
 */
import { Client, cacheExchange, fetchExchange } from "@urql/core";

export function createUrqlClient(url = "/graphql"): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: { credentials: "same-origin", headers: { "content-type": "application/json" } },
  });
}

/** The app's one client; pages reach it through @urql/vue's provideClient, the router guard directly. */
export const urqlClient = createUrqlClient();
