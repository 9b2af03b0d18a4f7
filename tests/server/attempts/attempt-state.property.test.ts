/**
 * Property test: random sequences of start / answer / finish / abandon / clock moves, run against the real
 * AttemptService (SQLite, write queue), must match a small reference model of the attempt state machine.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../server/src/errors.js";
import type { Viewer } from "../../../server/src/shared/viewer.js";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { Role } from "../../../server/src/shared/role.enum.js";
import { Locale } from "../../../server/src/shared/locale.js";
import type { AttemptMode } from "../../../server/src/attempts/attempt.enum.js";
import type { AttemptService } from "../../../server/src/attempts/attempt.service.js";
import type { Item, QuizFile } from "../../../server/src/content/content.schema.js";
import { hasEssay, hasPools, quizWhere } from "../../helpers/course-lookup.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

/** A timed quiz with several assessment attempts and no essay, so that every answer is graded at once. */
const isTimedAutoQuiz = (q: QuizFile) => q.settings.timeLimitMinutes !== undefined && q.settings.maxAttempts > 1 && !hasEssay(q) && !hasPools(q);
const clock = new ManualClock("2026-04-01T00:00:00Z");
let server: TestServer;
let QUIZ: string;
let items: Item[];
let maxAttempts: number;
let limitMs: number;

beforeAll(async () => {
  server = await startTestServer({ clock });
  const quiz = quizWhere(server.app.store.content, "a time limit, several attempts and no essay", isTimedAutoQuiz);
  QUIZ = quiz.id;
  items = quiz.items;
  maxAttempts = quiz.settings.maxAttempts;
  limitMs = quiz.settings.timeLimitMinutes! * 60_000;
});
afterAll(async () => server.stop());

type Mode = "PRACTICE" | "ASSESSMENT";
interface ModelAttempt {
  id: string;
  state: "IN_PROGRESS" | "FINISHED" | "ABANDONED";
  deadline: number | null;
  answers: Map<string, boolean>; // itemId → correct
}
interface Model {
  now: () => number;
  open: Record<Mode, ModelAttempt | null>;
  last: Record<Mode, ModelAttempt | null>;
  assessmentsUsed: number;
}
interface Real {
  viewer: Viewer;
  attempts: AttemptService;
}

/** How often each outcome of start was exercised, to show the runs reach the interesting states. */
const ran: Record<string, number> = {};
const scoreOf = (a: ModelAttempt) => items.filter((i) => a.answers.get(i.id)).reduce((s, i) => s + i.points, 0);
const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof AppError) return String(e.extensions.code);
    throw e;
  }
};

/** Applies the model's deadline rule: an open assessment past its deadline is finished with its answers. */
function expire(m: Model) {
  const a = m.open.ASSESSMENT;
  if (a && a.deadline !== null && m.now() >= a.deadline) {
    a.state = "FINISHED";
    m.open.ASSESSMENT = null;
  }
}

class Start implements fc.AsyncCommand<Model, Real> {
  constructor(readonly mode: Mode) {}
  check = () => true;
  async run(m: Model, r: Real) {
    expire(m);
    const open = m.open[this.mode];
    let expected = "ok";
    if (!open && this.mode === "ASSESSMENT" && m.assessmentsUsed >= maxAttempts) expected = "attempt/max_reached";
    let row;
    const got = await codeOf((async () => (row = await r.attempts.start(r.viewer, QUIZ, this.mode as AttemptMode)))());
    expect(got).toBe(expected);
    ran[expected] = (ran[expected] ?? 0) + 1;
    if (got !== "ok") return;
    if (open) expect(row!.id).toBe(open.id);
    else {
      const a: ModelAttempt = { id: row!.id, state: "IN_PROGRESS", deadline: this.mode === "ASSESSMENT" ? m.now() + limitMs : null, answers: new Map() };
      m.open[this.mode] = a;
      m.last[this.mode] = a;
      if (this.mode === "ASSESSMENT") m.assessmentsUsed++;
    }
    expect(row!.state).toBe("IN_PROGRESS");
  }
  toString = () => `start(${this.mode})`;
}

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly mode: Mode,
    readonly index: number,
    readonly right: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.last[this.mode] !== null;
  async run(m: Model, r: Real) {
    expire(m);
    const a = m.last[this.mode]!;
    const item = items[this.index % items.length];
    const answer = this.right ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
    const got = await codeOf(r.attempts.submit(r.viewer, a.id, item.id, answer));
    expect(got).toBe(a.state === "IN_PROGRESS" ? "ok" : "attempt/closed");
    if (got === "ok") a.answers.set(item.id, this.right && item.type !== "ESSAY");
  }
  toString = () => `answer(${this.mode}, #${this.index}, ${this.right ? "right" : "wrong"})`;
}

class Finish implements fc.AsyncCommand<Model, Real> {
  constructor(readonly mode: Mode) {}
  check = (m: Readonly<Model>) => m.last[this.mode] !== null;
  async run(m: Model, r: Real) {
    expire(m);
    const a = m.last[this.mode]!;
    let row;
    const got = await codeOf((async () => (row = await r.attempts.finish(r.viewer, a.id)))());
    expect(got).toBe(a.state === "ABANDONED" ? "attempt/closed" : "ok");
    if (got !== "ok") return;
    a.state = "FINISHED";
    if (m.open[this.mode]?.id === a.id) m.open[this.mode] = null;
    expect(row!.state).toBe("FINISHED");
    expect(row!.score).toBe(scoreOf(a));
  }
  toString = () => `finish(${this.mode})`;
}

class Abandon implements fc.AsyncCommand<Model, Real> {
  constructor(readonly mode: Mode) {}
  check = (m: Readonly<Model>) => m.last[this.mode] !== null;
  async run(m: Model, r: Real) {
    expire(m);
    const a = m.last[this.mode]!;
    const got = await codeOf(r.attempts.abandon(r.viewer, a.id));
    expect(got).toBe(a.state === "IN_PROGRESS" ? "ok" : "attempt/closed");
    if (got === "ok") {
      a.state = "ABANDONED";
      m.open[this.mode] = null;
    }
  }
  toString = () => `abandon(${this.mode})`;
}

class Wait implements fc.AsyncCommand<Model, Real> {
  constructor(readonly minutes: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    clock.advance(this.minutes * 60_000);
    expire(m);
    const a = m.last.ASSESSMENT;
    if (a) expect((await r.attempts.get(r.viewer, a.id)).state).toBe(a.state);
  }
  toString = () => `wait(${this.minutes} min)`;
}

// Assessment twice as likely: its attempt limit and deadline are where the rules are.
const mode = fc.constantFrom<Mode>("PRACTICE", "ASSESSMENT", "ASSESSMENT");
const commands = [
  mode.map((m) => new Start(m)),
  fc.tuple(mode, fc.nat(40), fc.boolean()).map(([m, i, r]) => new Answer(m, i, r)),
  mode.map((m) => new Finish(m)),
  mode.map((m) => new Abandon(m)),
  fc.integer({ min: 1, max: 25 }).map((n) => new Wait(n)),
];

describe("attempt state machine", () => {
  it("should match the reference model for random command sequences", async () => {
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
    console.log(`fast-check seed: ${seed} (rerun with FC_SEED=${seed})`);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: "max" }), async (cmds) => {
        const user = await server.app.services.accounts.createUser({ email: `p${++n}-${seed}@example.test`, password: "long enough pw", displayName: "p" });
        const viewer: Viewer = { id: user.id, role: Role.LEARNER, displayName: "p", locale: Locale.AR, sessionId: "x" };
        const model: Model = { now: () => clock.now().getTime(), open: { PRACTICE: null, ASSESSMENT: null }, last: { PRACTICE: null, ASSESSMENT: null }, assessmentsUsed: 0 };
        await fc.asyncModelRun(() => ({ model, real: { viewer, attempts: server.app.services.attempts } }), cmds);
      }),
      { seed, numRuns: 60 },
    );
    console.log("start outcomes exercised:", ran);
    expect(ran["attempt/max_reached"]).toBeGreaterThan(0);
  }, 120_000);
});
