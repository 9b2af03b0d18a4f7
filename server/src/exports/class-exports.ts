/**
 * The class's exports for its instructors: the gradebook (a row per learner: name, disambiguator, each quiz's
 * grade and state, lessons completed, mastery per objective) and a quiz's raw responses (a row per answer with
 * its item version, the answer as text, score and time). Both are built as a Sheet (sheet.ts) and rendered as
 * CSV or XLSX there. Learners are read a page at a time through the dashboard's roster.
 */
import type { DataSource } from "typeorm";
import type { AttemptService } from "../attempts/attempt.service.js";
import type { DashboardService } from "../classrooms/dashboard.service.js";
import type { ClassLearner } from "../classrooms/classroom.type.js";
import type { ContentStore } from "../content/content.store.js";
import type { Item } from "../content/content.schema.js";
import type { LocalAnswer } from "../items/item-type.js";
import { num, numOrNull, sql } from "../db/sql.js";
import { AppError } from "../errors.js";
import { quizGrade } from "../grading/quiz-grade.js";
import { Locale, pick } from "../shared/locale.js";
import type { Sheet, SheetCell } from "./sheet.js";

/** What a learner's row says of one quiz. LATE is added to a finished state when an attempt carries `late`. */
export type QuizState = "MISSING" | "IN_PROGRESS" | "PENDING_GRADING" | "GRADED";

const STATE_LABEL: Record<QuizState | "LATE", { ar: string; en: string }> = {
  MISSING: { ar: "لم يُسلَّم", en: "missing" },
  IN_PROGRESS: { ar: "قيد الإنجاز", en: "in progress" },
  PENDING_GRADING: { ar: "بانتظار التصحيح", en: "pending grading" },
  GRADED: { ar: "مصحَّح", en: "graded" },
  LATE: { ar: "متأخر", en: "late" },
};

const LEVEL_LABEL: Record<string, { ar: string; en: string }> = {
  NOT_STARTED: { ar: "لم يبدأ", en: "Not started" },
  ATTEMPTED: { ar: "محاولة أولى", en: "Attempted" },
  FAMILIAR: { ar: "مألوف", en: "Familiar" },
  PROFICIENT: { ar: "متمكّن", en: "Proficient" },
  MASTERED: { ar: "متقن", en: "Mastered" },
};

const PAGE = 500;

interface AttemptFacts {
  userId: string;
  quizId: string;
  state: string;
  finishedAt: string | null;
  score: number | null;
  maxScore: number | null;
  pending: number;
  /** Set by the assignments' late marking where the attempt table has it (SELECT a.* reads it when present). */
  late?: unknown;
}

/** The state and grade of one learner's attempts at one quiz (assessment attempts only). */
export function quizStanding(method: Parameters<typeof quizGrade>[0], attempts: AttemptFacts[]): { state: QuizState; late: boolean; grade: number | null } {
  const finished = attempts.filter((a) => a.state === "FINISHED");
  const scored = finished.filter((a) => a.score !== null && a.finishedAt !== null);
  const grade = quizGrade(
    method,
    scored.map((a) => ({ finishedAt: new Date(a.finishedAt!), score: num(a.score), maxScore: num(a.maxScore) })),
  );
  const late = finished.some((a) => a.late === true || a.late === 1 || a.late === "1" || a.late === "t");
  if (finished.length === 0) return { state: attempts.some((a) => a.state === "IN_PROGRESS") ? "IN_PROGRESS" : "MISSING", late: false, grade: null };
  return { state: finished.some((a) => num(a.pending) > 0) ? "PENDING_GRADING" : "GRADED", late, grade };
}

export class ClassExports {
  constructor(
    private readonly db: DataSource,
    private readonly content: ContentStore,
    private readonly dashboard: DashboardService,
    private readonly attempts: AttemptService,
  ) {}

  /** Every member, by name, with their disambiguator always set (exports tell everyone apart). */
  private async learners(classroomId: string): Promise<ClassLearner[]> {
    const all: ClassLearner[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.dashboard.roster(classroomId, offset, PAGE, "", "NAME", true);
      all.push(...page);
      if (page.length < PAGE) return all;
    }
  }

  private idHeader(locale: Locale): string {
    if (this.dashboard.seesEmail) return locale === Locale.AR ? "البريد الإلكتروني أو الرمز" : "Email or code";
    return locale === Locale.AR ? "رمز المتعلم" : "Learner code";
  }

  async gradebook(classroomId: string, locale: Locale): Promise<Sheet> {
    const ar = locale === Locale.AR;
    const learners = await this.learners(classroomId);
    // Every quiz, retired ones too (their grades are history), marked retired; live lessons' objectives only.
    const quizzes = this.content.content.quizzes;
    const lessons = this.content.liveLessons();
    const objectives = lessons.flatMap((l) => l.objectives);
    const title = (q: (typeof quizzes)[number]) => pick(q.title, locale) + (q.retired ? (ar ? " (سابق، لم يعد ضمن الدورة)" : " (retired)") : "");
    const [attempts, completed] = await Promise.all([
      sql<AttemptFacts>(
        this.db,
        `SELECT a.*, (SELECT COUNT(*) FROM response r WHERE r."attemptId" = a.id AND r.status = 'PENDING_MANUAL') AS pending
           FROM attempt a JOIN classroom_member m ON m."userId" = a."userId" AND m."classroomId" = ?
          WHERE a.mode = 'ASSESSMENT' AND a.state IN ('FINISHED', 'IN_PROGRESS')`,
        [classroomId],
      ),
      sql<{ userId: string; n: number }>(
        this.db,
        `SELECT p."userId" AS "userId", COUNT(*) AS n FROM lesson_progress p
           JOIN classroom_member m ON m."userId" = p."userId" AND m."classroomId" = ?
          WHERE p.status = 'COMPLETED' GROUP BY p."userId"`,
        [classroomId],
      ),
    ]);
    const byLearnerQuiz = new Map<string, AttemptFacts[]>();
    for (const a of attempts) {
      const key = `${a.userId}\u0000${a.quizId}`;
      byLearnerQuiz.set(key, [...(byLearnerQuiz.get(key) ?? []), a]);
    }
    const done = new Map(completed.map((c) => [c.userId, num(c.n)]));
    const header = [
      ar ? "المتعلم" : "Learner",
      this.idHeader(locale),
      ...quizzes.flatMap((q) => [`${title(q)} (%)`, `${title(q)} — ${ar ? "الحالة" : "state"}`]),
      ar ? `الدروس المكتملة من ${lessons.length}` : `Lessons completed of ${lessons.length}`,
      ...objectives.map((o) => `${ar ? "الإتقان" : "Mastery"}: ${pick(o.text, locale)}`),
    ];
    const rows: SheetCell[][] = [];
    for (let i = 0; i < learners.length; i += PAGE) {
      const page = await this.dashboard.progressOf(learners.slice(i, i + PAGE));
      for (const { learner, objectives: mastery } of page) {
        const cells: SheetCell[] = [learner.displayName, learner.disambiguator ?? ""];
        for (const q of quizzes) {
          const s = quizStanding(q.settings.gradingMethod, byLearnerQuiz.get(`${learner.id}\u0000${q.id}`) ?? []);
          const state = pick(STATE_LABEL[s.state], locale) + (s.late ? `${ar ? "، " : ", "}${pick(STATE_LABEL.LATE, locale)}` : "");
          cells.push(s.grade === null ? null : Math.round(s.grade * 1000) / 10, state);
        }
        cells.push(done.get(learner.id) ?? 0);
        const levelOf = new Map(mastery.map((m) => [m.objectiveId, m.level as string]));
        for (const o of objectives) cells.push(pick(LEVEL_LABEL[levelOf.get(o.id) ?? "NOT_STARTED"] ?? LEVEL_LABEL.NOT_STARTED, locale));
        rows.push(cells);
      }
    }
    return { name: ar ? "دفتر الدرجات" : "Gradebook", header, rows, rightToLeft: ar };
  }

  /** One row per answer to a quiz's items by the class's members, in attempts (practice and assessment). */
  async responses(classroomId: string, quizId: string, locale: Locale): Promise<Sheet> {
    const ar = locale === Locale.AR;
    const quiz = this.content.quizFile(quizId);
    if (!quiz) throw new AppError("BAD_USER_INPUT", "There is no such quiz.", { field: "quizId" });
    const learners = await this.learners(classroomId);
    const rows = await sql<{ userId: string; attemptNumber: number; mode: string; itemId: string; itemVersionId: number; version: number; answer: string; status: string; score: number | null; maxScore: number; answeredAt: string }>(
      this.db,
      `SELECT r."userId" AS "userId", a."attemptNumber" AS "attemptNumber", a.mode AS mode, r."itemId" AS "itemId", r."itemVersionId" AS "itemVersionId",
              v.version AS version, r.answer AS answer, r.status AS status, r.score AS score, r."maxScore" AS "maxScore", r."answeredAt" AS "answeredAt"
         FROM response r JOIN attempt a ON a.id = r."attemptId"
         JOIN classroom_member m ON m."userId" = r."userId" AND m."classroomId" = ?
         JOIN quiz_item_version v ON v.id = r."itemVersionId"
        WHERE a."quizId" = ?
        ORDER BY r."userId", a.mode, a."attemptNumber", r."answeredAt", r.id`,
      [classroomId, quizId],
    );
    const order = new Map(learners.map((l, i) => [l.id, i]));
    rows.sort((a, b) => (order.get(a.userId) ?? 0) - (order.get(b.userId) ?? 0));
    const who = new Map(learners.map((l) => [l.id, l]));
    const header = ar
      ? ["المتعلم", this.idHeader(locale), "الوضع", "المحاولة", "السؤال", "إصدار السؤال", "الإجابة", "الحالة", "الدرجة", "من", "وقت الإجابة (UTC)"]
      : ["Learner", this.idHeader(locale), "Mode", "Attempt", "Item", "Item version", "Answer", "Status", "Score", "Max", "Answered at (UTC)"];
    const out: SheetCell[][] = [];
    for (const r of rows) {
      const learner = who.get(r.userId);
      if (!learner) continue;
      const item = await this.attempts.itemAtVersion(num(r.itemVersionId));
      const answer = JSON.parse(r.answer) as LocalAnswer;
      out.push([
        learner.displayName,
        learner.disambiguator ?? "",
        r.mode === "ASSESSMENT" ? (ar ? "تقييم" : "assessment") : ar ? "تدريب" : "practice",
        num(r.attemptNumber),
        r.itemId,
        num(r.version),
        answerText(item, answer, locale),
        r.status === "PENDING_MANUAL" ? pick(STATE_LABEL.PENDING_GRADING, locale) : r.status === "GRADED" ? pick(STATE_LABEL.GRADED, locale) : ar ? "مُجاب" : "answered",
        numOrNull(r.score),
        num(r.maxScore),
        new Date(r.answeredAt).toISOString(),
      ]);
    }
    return { name: pick(quiz.title, locale), header, rows: out, rightToLeft: ar };
  }
}

/** An answer as a person reads it, from the item version it was given to (option texts, not ids). */
export function answerText(item: Item, answer: LocalAnswer, locale: Locale): string {
  const texts = new Map<string, string>();
  const add = (o: { id: string; text: { ar: string; en: string } }) => texts.set(o.id, pick(o.text, locale));
  if (item.type === "SINGLE_CHOICE" || item.type === "MULTIPLE_CHOICE") item.choices.forEach(add);
  if (item.type === "ORDERING") item.sequence.forEach(add);
  if (item.type === "MATCHING") {
    item.pairs.forEach((p) => (add(p.left), add(p.right)));
    (item.distractors ?? []).forEach(add);
  }
  if (item.type === "CLASSIFY") {
    item.categories.forEach(add);
    item.statements.forEach(add);
  }
  if (item.type === "TRUE_FALSE") {
    texts.set("true", locale === Locale.AR ? "صحيح" : "True");
    texts.set("false", locale === Locale.AR ? "خطأ" : "False");
  }
  const t = (id: string) => texts.get(id) ?? id;
  if (answer.text !== undefined && answer.text !== null) return answer.text;
  if (answer.choiceIds) return answer.choiceIds.map(t).join(" | ");
  if (answer.sequence) return answer.sequence.map(t).join(" → ");
  if (answer.pairs) return answer.pairs.map((p) => `${t(p.leftId)} → ${t(p.rightId)}`).join(" | ");
  return "";
}
