/**
 * Assignment and Grade Services 2.0, tool side: scores go to the platform through a durable outbox.
 *
 * Queueing (`queueScores`): a reaction to a finished assessment attempt and to an essay graded in one
 * (services.ts), so the outbox row is written in the same transaction as the result, through the one write
 * path: a score is queued if and only if the result committed. What is sent is the learner's grade for the
 * quiz under its grading method (`agsGrade`: HIGHEST, LAST, FIRST or AVERAGE of the finished assessment
 * attempts, as the gradebook computes it with grading/quiz-grade.ts), scaled to the latest attempt's maximum,
 * with gradingProgress PendingManual while an essay in an attempt that counts waits for its grade. One row per
 * resource link the learner launched the quiz from (lti_grade_target). Rows follow each other per (link,
 * learner, quiz): a grade state equal to the one queued last is not queued again (a worse attempt under
 * HIGHEST, a regrade of an attempt that does not count, the reaction run twice), so the same state is never
 * sent twice; a changed grade is a new row with a later timestamp. The `dedupeKey` (the link, learner and quiz,
 * the row's place in that sequence and the state) is unique, so two writers cannot queue the same step.
 *
 * Sending (`ScoreOutbox`): any instance's worker claims due rows by writing its name and a lease into them
 * (an UPDATE that only succeeds while the row is unclaimed or its lease has run out), so two instances never
 * send one row at once; a worker that dies mid-send leaves a lease that runs out, and the row is sent again
 * with the same timestamp, which AGS §3.4.7 makes harmless (a platform keeps a user's score only when its
 * timestamp is later). The line item is the launch's (AGS endpoint claim `lineitem`); when the launch named
 * none, the tool finds it in the context's container by resource_link_id or creates it (§3.2). Tokens come
 * from lti-service-token.ts. Failures are retried with exponential backoff (30 s doubling to 6 h, by the
 * injected clock) up to MAX_TRIES; a refusal that cannot change (4xx other than 401/408/429) fails at once.
 * Instructors see what is pending or failed on the class dashboard (`sends`).
 */
import { createHash, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";
import type { ContentStore } from "../content/content.store.js";
import type { WriteQueue } from "../db/write-queue.js";
import { AttemptRow } from "../attempts/attempt.entity.js";
import { ResponseRow } from "../attempts/response.entity.js";
import type { Clock } from "../shared/clock.js";
import type { FinishedAttempt, GradingMethodName } from "../grading/quiz-grade.js";
import type { PlatformRegistry, Platform } from "./lti-registry.js";
import type { AgsScore } from "./lti-advantage.entity.js";
import { LtiGradeTargetRow, LtiLinkRow, LtiScoreOutboxRow } from "./lti-advantage.entity.js";
import type { Fetch, ServiceTokens } from "./lti-service-token.js";
import { AGS_SCOPE, retryable, ServiceError } from "./lti-service-token.js";

export const LEASE_MS = 60_000;
export const MAX_TRIES = 10;
const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 6 * 3600_000;

/** The wait before try n+1 after n failed tries (n ≥ 1): 30 s, 1 min, 2 min, … at most 6 h. */
export const backoffMs = (tries: number) => Math.min(FIRST_RETRY_MS * 2 ** (tries - 1), LAST_RETRY_MS);

/** A finished assessment attempt as the grade needs it: its score and how many of its essays await a grade. */
export interface GradedAttempt extends FinishedAttempt {
  pendingEssays: number;
}

export interface AgsGrade {
  scoreGiven: number;
  scoreMaximum: number;
  gradingProgress: "FullyGraded" | "PendingManual";
}

const fraction = (a: FinishedAttempt) => (a.maxScore > 0 ? a.score / a.maxScore : 0);
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The learner's grade for the quiz as AGS sends it, or null without a finished attempt: the fraction the
 * grading method gives (the same as grading/quiz-grade.ts's `quizGrade`, unrounded) times the latest attempt's
 * maximum; PendingManual while an attempt that counts (all of them for HIGHEST and AVERAGE, the first or the
 * last for FIRST and LAST) has an essay not yet graded. Pure.
 */
export function agsGrade(method: GradingMethodName, attempts: GradedAttempt[]): AgsGrade | null {
  if (attempts.length === 0) return null;
  const byTime = [...attempts].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  const counting = method === "LAST" ? [byTime[byTime.length - 1]] : method === "FIRST" ? [byTime[0]] : byTime;
  const fractions = counting.map(fraction);
  const grade = method === "HIGHEST" ? Math.max(...fractions) : method === "AVERAGE" ? fractions.reduce((s, f) => s + f, 0) / fractions.length : fractions[0];
  const scoreMaximum = byTime[byTime.length - 1].maxScore;
  return {
    scoreGiven: round4(grade * scoreMaximum),
    scoreMaximum,
    gradingProgress: counting.some((a) => a.pendingEssays > 0) ? "PendingManual" : "FullyGraded",
  };
}

/** Where queueScores finds a quiz's grading method (the content store). */
export interface GradingMethods {
  quizFile(id: string): { settings: { gradingMethod: GradingMethodName } } | undefined;
}

/**
 * Queues the learner's grade for the attempt's quiz for every link they launched the quiz from, when it
 * differs from the grade queued last for that link (inside the result's transaction).
 */
export async function queueScores(em: EntityManager, quizzes: GradingMethods, attemptId: string, at: Date): Promise<void> {
  const attempt = await em.findOneBy(AttemptRow, { id: attemptId });
  if (!attempt || attempt.state !== "FINISHED" || attempt.mode !== "ASSESSMENT") return;
  const targets = await em.findBy(LtiGradeTargetRow, { userId: attempt.userId, quizId: attempt.quizId });
  if (targets.length === 0) return;
  const finished = (await em.findBy(AttemptRow, { userId: attempt.userId, quizId: attempt.quizId, mode: "ASSESSMENT", state: "FINISHED" })).filter(
    (a) => a.finishedAt !== null && a.score !== null && a.maxScore !== null,
  );
  if (finished.length === 0) return;
  const pending = await em.find(ResponseRow, { select: { attemptId: true }, where: { attemptId: In(finished.map((a) => a.id)), status: "PENDING_MANUAL" } });
  const grade = agsGrade(
    quizzes.quizFile(attempt.quizId)?.settings.gradingMethod ?? "HIGHEST",
    finished.map((a) => ({ finishedAt: a.finishedAt!, score: Number(a.score), maxScore: Number(a.maxScore), pendingEssays: pending.filter((p) => p.attemptId === a.id).length })),
  );
  if (!grade) return;
  const state = `${grade.scoreGiven}/${grade.scoreMaximum}|${grade.gradingProgress}`;
  for (const t of targets) {
    const where = { platformId: t.platformId, deploymentId: t.deploymentId, resourceLinkId: t.resourceLinkId, userId: attempt.userId, quizId: attempt.quizId };
    const series = createHash("sha256").update(JSON.stringify(Object.values(where))).digest("hex").slice(0, 40);
    const queued = await em.countBy(LtiScoreOutboxRow, where);
    if (queued > 0 && (await em.findOneBy(LtiScoreOutboxRow, { dedupeKey: `${series}|${queued - 1}|${state}` }))) continue;
    const score: AgsScore = { userId: t.sub, ...grade, activityProgress: "Completed", timestamp: at.toISOString() };
    const link = await em.findOneBy(LtiLinkRow, { platformId: t.platformId, deploymentId: t.deploymentId, resourceLinkId: t.resourceLinkId });
    await em.insert(LtiScoreOutboxRow, {
      id: randomUUID(),
      dedupeKey: `${series}|${queued}|${state}`,
      ...where,
      classroomId: link?.classroomId ?? null,
      attemptId,
      score,
      state: "PENDING",
      tries: 0,
      nextAt: at,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
      createdAt: at,
      sentAt: null,
    });
  }
}

/** `${url}/scores` keeping the line item URL's query (AGS §3.4: the scores endpoint is the line item URL + /scores). */
export function scoresUrl(lineItem: string): string {
  const u = new URL(lineItem);
  u.pathname = `${u.pathname.replace(/\/$/, "")}/scores`;
  return u.href;
}

export interface OutboxRun {
  sent: number;
  retried: number;
  failed: number;
}

export class ScoreOutbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<OutboxRun> | undefined;
  /** This instance's name in leases. */
  readonly owner: string;

  constructor(
    private readonly db: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly registry: PlatformRegistry,
    private readonly tokens: ServiceTokens,
    private readonly content: ContentStore,
    private readonly opts: { owner?: string; fetcher?: Fetch; log?: (m: string) => void } = {},
  ) {
    this.owner = opts.owner ?? `outbox-${randomUUID()}`;
  }

  /** Polls every `intervalMs` (unref'd: it keeps no process alive). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce().catch((e: Error) => this.opts.log?.(`LTI score outbox: ${e.message}`)), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Claims and sends the due rows, one pass; concurrent calls on one instance share the pass. */
  runOnce(limit = 20): Promise<OutboxRun> {
    this.running ??= this.pass(limit).finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(limit: number): Promise<OutboxRun> {
    const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
    const now = this.clock.now();
    const due = await this.db
      .getRepository(LtiScoreOutboxRow)
      .createQueryBuilder("o")
      .where(`o.state = 'PENDING' AND o."nextAt" <= :now AND (o."leaseUntil" IS NULL OR o."leaseUntil" <= :now)`, { now: now.toISOString() })
      .orderBy(`o."nextAt"`, "ASC")
      .limit(limit)
      .getMany();
    for (const candidate of due) {
      const row = await this.claim(candidate.id);
      if (!row) continue;
      try {
        await this.send(row);
        await this.settle(row.id, { state: "SENT", sentAt: this.clock.now(), leaseOwner: null, leaseUntil: null, lastError: null, tries: row.tries + 1 });
        run.sent++;
      } catch (e) {
        const err = e instanceof ServiceError ? e : new ServiceError((e as Error).message, null, true);
        const tries = row.tries + 1;
        const give = !err.retry || tries >= MAX_TRIES;
        await this.settle(row.id, {
          state: give ? "FAILED" : "PENDING",
          tries,
          nextAt: new Date(this.clock.now().getTime() + (give ? 0 : backoffMs(tries))),
          leaseOwner: null,
          leaseUntil: null,
          lastError: err.message.slice(0, 1000),
        });
        this.opts.log?.(`LTI score ${row.id} ${give ? "failed" : `retry ${tries}`}: ${err.message}`);
        if (give) run.failed++;
        else run.retried++;
      }
    }
    return run;
  }

  /** Takes the row for this instance for LEASE_MS, unless another instance holds a live lease on it. */
  private async claim(id: string): Promise<LtiScoreOutboxRow | null> {
    return this.writes.run(async (em) => {
      const now = this.clock.now();
      const res = await em
        .createQueryBuilder()
        .update(LtiScoreOutboxRow)
        .set({ leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + LEASE_MS) })
        .where(`id = :id AND state = 'PENDING' AND "nextAt" <= :now AND ("leaseUntil" IS NULL OR "leaseUntil" <= :now)`, { id, now: now.toISOString() })
        .execute();
      return res.affected ? em.findOneBy(LtiScoreOutboxRow, { id }) : null;
    });
  }

  /** Records the outcome, only while this instance still holds the lease. */
  private async settle(id: string, fields: Partial<LtiScoreOutboxRow>): Promise<void> {
    await this.writes.run((em) => em.update(LtiScoreOutboxRow, { id, leaseOwner: this.owner }, fields));
  }

  private async send(row: LtiScoreOutboxRow): Promise<void> {
    const platform = await this.registry.byId(row.platformId);
    if (!platform) throw new ServiceError("the platform is no longer registered", null, false);
    const link = await this.db.getRepository(LtiLinkRow).findOneBy({ platformId: row.platformId, deploymentId: row.deploymentId, resourceLinkId: row.resourceLinkId });
    if (!link) throw new ServiceError("the resource link is unknown", null, false);
    const scopes = JSON.parse(link.agsScopes) as string[];
    if (!scopes.includes(AGS_SCOPE.score)) throw new ServiceError("the platform did not grant the score scope", null, false);
    const lineItem = link.lineItemUrl ?? (await this.lineItemFor(platform, link, row));
    await this.call(platform, [AGS_SCOPE.score], scoresUrl(lineItem), { method: "POST", headers: { "content-type": "application/vnd.ims.lis.v1.score+json" }, body: JSON.stringify(row.score) });
  }

  /** AGS §3.2: the link's line item in the context's container, found by resource_link_id, or created. */
  private async lineItemFor(platform: Platform, link: LtiLinkRow, row: LtiScoreOutboxRow): Promise<string> {
    if (!link.lineItemsUrl) throw new ServiceError("the launch named no line item and no line items container", null, false);
    const scopes = JSON.parse(link.agsScopes) as string[];
    if (!scopes.includes(AGS_SCOPE.lineItem)) throw new ServiceError("the platform did not grant the line item scope", null, false);
    const find = new URL(link.lineItemsUrl);
    find.searchParams.set("resource_link_id", link.resourceLinkId);
    const found = (await (await this.call(platform, [AGS_SCOPE.lineItem], find.href, { headers: { accept: "application/vnd.ims.lis.v2.lineitemcontainer+json" } })).json()) as { id?: string }[];
    let id = Array.isArray(found) ? found.find((i) => typeof i.id === "string")?.id : undefined;
    if (!id) {
      const quiz = this.content.quizFile(row.quizId);
      const body = {
        scoreMaximum: quiz ? quiz.items.filter((i) => i.pool !== "practice").reduce((s, i) => s + i.points, 0) : row.score.scoreMaximum || 1,
        label: quiz ? `${quiz.title.ar} · ${quiz.title.en}` : row.quizId,
        resourceId: row.quizId,
        resourceLinkId: link.resourceLinkId,
      };
      const created = (await (
        await this.call(platform, [AGS_SCOPE.lineItem], link.lineItemsUrl, { method: "POST", headers: { "content-type": "application/vnd.ims.lis.v2.lineitem+json", accept: "application/vnd.ims.lis.v2.lineitem+json" }, body: JSON.stringify(body) })
      ).json()) as { id?: unknown };
      if (typeof created.id !== "string") throw new ServiceError("the created line item has no id", null, true);
      id = created.id;
    }
    const lineItemUrl = id;
    await this.writes.run((em) => em.update(LtiLinkRow, { platformId: link.platformId, deploymentId: link.deploymentId, resourceLinkId: link.resourceLinkId }, { lineItemUrl }));
    return lineItemUrl;
  }

  /** One service request with a bearer token; a 401 drops the cached token (and is retried later). */
  private async call(platform: Platform, scopes: string[], url: string, init: RequestInit = {}): Promise<Response> {
    const token = await this.tokens.token(platform, scopes);
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    let res: Response;
    try {
      res = await (this.opts.fetcher ?? fetch)(url, { ...init, headers, signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      throw new ServiceError(`${url} unreachable: ${(e as Error).message}`, null, true);
    }
    if (res.status === 401) this.tokens.forget(platform, scopes);
    if (!res.ok) throw new ServiceError(`${new URL(url).pathname} answered ${res.status}`, res.status, res.status === 401 || retryable(res.status));
    return res;
  }

  /** What an instructor sees: the class's sends not yet done (pending, with the next try) or given up. */
  async unsent(classroomId: string): Promise<LtiScoreOutboxRow[]> {
    return this.db
      .getRepository(LtiScoreOutboxRow)
      .createQueryBuilder("o")
      .where(`o."classroomId" = :classroomId AND o.state <> 'SENT'`, { classroomId })
      .orderBy(`o."createdAt"`, "DESC")
      .limit(200)
      .getMany();
  }
}
