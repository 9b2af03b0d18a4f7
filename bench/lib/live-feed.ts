/**
 * The instructor's side of the live dashboard, for the bench: a class with the bench learners in it, and a
 * graphql-ws subscription to its activity that notes when each answer's event arrives.
 */
import { execFileSync } from "node:child_process";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

type Gql = (url: string, query: string, variables?: Record<string, unknown>, token?: string) => Promise<any>;

/** Creates an instructor with `npm run user:create` on the database in env, a class on `url`, and joins the learners to it. */
export async function benchClass(root: string, env: Record<string, string>, gql: Gql, url: string, learnerTokens: string[]): Promise<{ token: string; classroomId: string }> {
  const email = "teacher@bench.test";
  execFileSync(process.execPath, ["--import", "tsx", "server/src/accounts/user-create.cli.ts", "--email", email, "--password", "bench-password", "--role", "instructor"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const { signIn } = await gql(url, `mutation($i: SignInInput!) { signIn(input: $i) { token } }`, { i: { email, password: "bench-password" } });
  const { createClassroom } = await gql(url, `mutation { createClassroom(name: "Bench") { id joinCode } }`, {}, signIn.token);
  for (const token of learnerTokens) await gql(url, `mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: createClassroom.joinCode }, token);
  return { token: signIn.token, classroomId: createClassroom.id };
}

export interface LiveFeed {
  /** Arrival time (Date.now()) of each ANSWER_SUBMITTED event whose answer was given at or after `since`. */
  arrivals(since: number): number[];
  /** Resolves once `count` answers given at or after `since` have arrived, or after `guardMs`. */
  waitFor(since: number, count: number, guardMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Subscribes to the class's activity on `url`; resolves once the server has acknowledged the subscription. */
export async function subscribeToClass(url: string, token: string, classroomId: string): Promise<LiveFeed> {
  const events: { answeredAt: number; arrivedAt: number }[] = [];
  let wake: (() => void) | null = null;
  const client = createClient({ url: url.replace(/^http/, "ws") + "graphql", webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  await new Promise<void>((resolve, reject) => {
    client.on("connected", () => resolve());
    client.on("error", reject);
    client.subscribe(
      { query: `subscription($id: ID!) { classroomActivity(classroomId: $id) { type at } }`, variables: { id: classroomId } },
      {
        next: (v) => {
          const e = (v.data as any)?.classroomActivity;
          if (e?.type === "ANSWER_SUBMITTED") events.push({ answeredAt: Date.parse(e.at), arrivedAt: Date.now() });
          wake?.();
        },
        error: reject,
        complete: () => {},
      },
    );
  });
  const since = (t: number) => events.filter((e) => e.answeredAt >= t);
  return {
    arrivals: (t) => since(t).map((e) => e.arrivedAt),
    waitFor: (t, count, guardMs) =>
      new Promise<void>((resolve) => {
        const guard = setTimeout(resolve, guardMs);
        const check = () => {
          if (since(t).length >= count) {
            clearTimeout(guard);
            resolve();
          } else wake = check;
        };
        check();
      }),
    close: () => client.dispose() as Promise<void>,
  };
}
