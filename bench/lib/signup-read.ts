/**
 * The bench row "authenticated read p99 during 40 concurrent sign-ups": a server child with production scrypt
 * parameters (N = 2^17, 128 MiB a hash), one learner reading `me` (a session check and a user row read)
 * back to back, first alone, then while 40 other sign-ups arrive at once. Password hashing used to take every
 * libuv thread the sqlite3 driver needs, so the reads waited seconds behind scrypt; see accounts/password.ts.
 */
import { startChild } from "./child.js";

export interface SignUpReadResult {
  /** Reads and their p50/p99 (ms) with nothing else running. */
  idle: { reads: number; p50: number; p99: number };
  /** The same reads while the sign-ups ran. */
  during: { reads: number; p50: number; p99: number; max: number };
  signUps: number;
  /** Sign-ups answered with a token, refused as busy (auth/busy), or failed otherwise. */
  signedUp: number;
  busy: number;
  otherErrors: number;
  /** From the first sign-up sent to the last answered. */
  signUpSeconds: number;
}

const SIGN_UP = `mutation($i: SignUpInput!) { signUp(input: $i) { token } }`;
const READ = `{ me { id email displayName } }`;

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const res = await fetch(`${url}graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const summary = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { reads: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? 0 };
};

/** Reads `me` back to back (a 5 ms pause between reads) until `until` resolves; the latency of each, in ms. */
async function readWhile(url: string, token: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const t = performance.now();
    const body = await post(url, READ, {}, token);
    times.push(performance.now() - t);
    if (!body.data?.me) throw new Error(`the read failed: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return times;
}

/** Starts its own server on `dbEnv` (DATA_DIR / DATABASE_URL), measures, stops it. */
export async function signUpRead(root: string, env: Record<string, string>, dbEnv: Record<string, string>, signUps = 40): Promise<SignUpReadResult> {
  // PASSWORD_HASH_LOG_N empty: the production parameters, whatever the rest of the bench uses.
  const server = await startChild(["--import", "tsx", "server/src/main.ts"], { ...env, ...dbEnv, PASSWORD_HASH_LOG_N: "" }, root);
  try {
    const url = server.url;
    const reader = await post(url, SIGN_UP, { i: { email: "reader@bench.test", password: "bench-password", displayName: "Reader" } });
    const token: string = reader.data?.signUp?.token;
    if (!token) throw new Error(`sign-up of the reader failed: ${JSON.stringify(reader)}`);
    // Idle: 3 s of reads (the session cache expires within it, so some reads check the session row too).
    const idle = summary(await readWhile(url, token, new Promise((r) => setTimeout(r, 3000))));
    const t0 = performance.now();
    const outcomes = Promise.all(
      Array.from({ length: signUps }, (_, i) =>
        post(url, SIGN_UP, { i: { email: `crowd${i}@bench.test`, password: `bench-password-${i}`, displayName: `Crowd ${i}` } }).then((b) =>
          b.data?.signUp?.token ? "ok" : String(b.errors?.[0]?.extensions?.code ?? "error"),
        ),
      ),
    );
    const during = summary(await readWhile(url, token, outcomes));
    const codes = await outcomes;
    const signUpSeconds = (performance.now() - t0) / 1000;
    return {
      idle: { reads: idle.reads, p50: idle.p50, p99: idle.p99 },
      during,
      signUps,
      signedUp: codes.filter((c) => c === "ok").length,
      busy: codes.filter((c) => c === "auth/busy").length,
      otherErrors: codes.filter((c) => c !== "ok" && c !== "auth/busy").length,
      signUpSeconds,
    };
  } finally {
    await server.stop();
  }
}
