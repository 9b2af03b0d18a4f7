/**
 * graphql's `subscribe`, except that an event marked shared (shared/shared-payload.ts) is executed once per
 * document and variables, and that result is what every subscription with the same document and variables
 * sends. A live session's "question shown" reaches a thousand phones: without this, the same selection was
 * executed a thousand times over the same state (about a fifth of the server's time per message in the bench's
 * profile, `LIVE_BENCH_PROFILE=1 npm run bench -- --only live`). Documents are the same object for the same
 * text because the rules cache what they parsed and validated (limits.ts).
 */
import { createSourceEventStream, execute } from "graphql";
import type { ExecutionArgs, ExecutionResult } from "graphql";
import { isSharedPayload } from "../shared/shared-payload.js";

type Result = ExecutionResult | Promise<ExecutionResult>;

/** Per shared event, per document, per variables (as JSON): the execution's result. Dropped with the event. */
const results = new WeakMap<object, WeakMap<object, Map<string, Result>>>();

function executeEvent(args: ExecutionArgs, payload: unknown): Result {
  if (!isSharedPayload(payload)) return execute({ ...args, rootValue: payload });
  let byDocument = results.get(payload);
  if (!byDocument) results.set(payload, (byDocument = new WeakMap()));
  let byVariables = byDocument.get(args.document);
  if (!byVariables) byDocument.set(args.document, (byVariables = new Map()));
  const key = `${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? null)}`;
  let result = byVariables.get(key);
  if (!result) byVariables.set(key, (result = execute({ ...args, rootValue: payload })));
  return result;
}

export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const iterator = source[Symbol.asyncIterator]();
  const closeSource = async () => {
    try {
      await iterator.return?.();
    } catch {
      // the error that ended the stream is the one to report
    }
  };
  // As graphql's own mapAsyncIterator: return() and throw() reach the source (the feed's subscription ends).
  const map = async (r: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> => {
    if (r.done) return r as IteratorResult<ExecutionResult>;
    try {
      return { value: await executeEvent(args, r.value), done: false };
    } catch (err) {
      await closeSource();
      throw err;
    }
  };
  const mapped: AsyncIterableIterator<ExecutionResult> = {
    next: async () => map(await iterator.next()),
    return: async () => (iterator.return ? map(await iterator.return()) : { value: undefined, done: true }),
    throw: async (err: unknown) => {
      if (iterator.throw) return map(await iterator.throw(err));
      await closeSource();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return mapped;
}
