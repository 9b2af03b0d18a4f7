/**
 * GraphQL subscriptions over WebSocket (graphql-ws, protocol graphql-transport-ws) on the same port and path
 * as HTTP: /graphql. A connection is authenticated by `connection_init { authorization: "Bearer …" }` or by
 * the session cookie sent with the upgrade request.
 */
import type { IncomingMessage, Server } from "node:http";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { Viewer } from "../shared/viewer.js";
import { readCookie, SESSION_COOKIE } from "./session-cookie.js";

export interface WsOptions<C> {
  server: Server;
  schema: GraphQLSchema;
  authenticate: (token: string | undefined) => Promise<Viewer | null>;
  context: (viewer: Viewer | null) => C;
}

export function attachSubscriptions<C extends object>(opts: WsOptions<C>): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.server, path: "/graphql", maxPayload: 64 * 1024 });
  const disposable = useServer<Record<string, unknown>, { request: IncomingMessage }>(
    {
      schema: opts.schema,
      context: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        const bearer = typeof auth === "string" && auth.startsWith("Bearer ") ? auth.slice(7).trim() : undefined;
        const token = bearer ?? readCookie(ctx.extra.request.headers.cookie, SESSION_COOKIE);
        return opts.context(await opts.authenticate(token));
      },
    },
    wss,
  );
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
