/**
 * `npm run demo`: a demo instructor, a class and 30 simulated learners with plausible reading progress,
 * practice and assessment attempts (and essays to grade), so the dashboard can be seen at once. Learners
 * differ in ability and in how far they got; their activity is spread over the last two weeks.
 * Re-running it prints the same credentials and adds nothing. It names no lesson, quiz or item: whatever the
 * content is, each attempt answers the items its pool asks (quizzes/pools.ts), and a quiz that has closed gets
 * no assessment.
 */
import { readConfig } from "../config.js";
import { createApp } from "../app.js";
import { loadContent } from "../content/content.loader.js";
import { openDatabase } from "../database.js";
import { UserRow } from "../accounts/user.entity.js";
import { Role } from "../shared/role.enum.js";
import type { Viewer } from "../shared/viewer.js";
import { Locale } from "../shared/locale.js";
import { ManualClock } from "../shared/clock.js";
import { AttemptMode } from "../attempts/attempt.enum.js";
import { toPublicAnswer } from "../attempts/attempt.view.js";
import { itemType } from "../items/registry.js";
import type { Item } from "../content/content.schema.js";
import { seededRandom } from "../shared/seeded-random.js";

const INSTRUCTOR = { email: "demo.instructor@example.com", password: "demo-instructor-2026", displayName: "أ. فاطمة الزهراء (demo)" };
const LEARNER_PASSWORD = "demo-learner-2026";
const NAMES = [
  "أمينة", "بكاري", "شيماء", "إدريس", "فاطمة", "غيثة", "حمزة", "إيمان", "يوسف", "خديجة",
  "ليلى", "مامادو", "نادية", "عمر", "سلمى", "رشيد", "سارة", "طارق", "أسماء", "وليد",
  "Aïcha", "Boubacar", "Chloé", "Daouda", "Emma", "Fatoumata", "Hassan", "Inès", "Moussa", "Nour",
];


/** An item without a pool is in both (content.schema.ts). */
const inPractice = (item: Item) => item.pool !== "assessment";
const inAssessment = (item: Item) => item.pool !== "practice";

/** A right or a wrong answer in public ids, as a learner's client would send it (items/<type>.ts demoAnswers). */
function demoAnswer(item: Item, right: boolean): Record<string, unknown> {
  const { right: r, wrong: w } = itemType(item).demoAnswers(item);
  const a = toPublicAnswer(app.store.ids, item, right ? r : w);
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== null));
}

const config = readConfig();
const content = await loadContent(config.contentDir);
const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
const existing = await db.getRepository(UserRow).findOneBy({ email: INSTRUCTOR.email });
const clock = new ManualClock(new Date(Date.now() - 14 * 24 * 3600 * 1000));
// Cheap hashes for simulated learners (re-hashed at their first real sign-in); the instructor gets the configured cost.
const app = await createApp({ db, content, clock, log: () => {}, passwordParams: { logN: 12, r: 8, p: 1 } });
const s = app.services;

if (existing) {
  const rooms = await s.classrooms.mine({ id: existing.id, role: Role.INSTRUCTOR, displayName: existing.displayName, locale: Locale.AR, sessionId: "" });
  console.log("The demo data is already there.");
  print(rooms[0]?.joinCode ?? "(none)");
} else {
  const instructorRow = await s.accounts.createUser({ ...INSTRUCTOR, role: Role.INSTRUCTOR });
  const instructor: Viewer = { id: instructorRow.id, role: Role.INSTRUCTOR, displayName: instructorRow.displayName, locale: Locale.AR, sessionId: "" };
  const room = await s.classrooms.create(instructor, "الساحل والمغرب العربي — الفوج أ");
  const random = seededRandom(2026);
  const lessons = content.lessons;

  for (const [i, name] of NAMES.entries()) {
    clock.set(new Date(Date.now() - 14 * 24 * 3600 * 1000 + i * 3 * 60_000));
    const row = await s.accounts.createUser({ email: `demo.learner${String(i + 1).padStart(2, "0")}@example.com`, password: LEARNER_PASSWORD, displayName: name, locale: i >= 20 ? Locale.EN : Locale.AR });
    const me: Viewer = { id: row.id, role: Role.LEARNER, displayName: name, locale: row.locale as Locale, sessionId: "" };
    await s.classrooms.join(me, room.joinCode);
    const ability = 0.35 + 0.6 * random();
    const reach = Math.min(lessons.length, Math.floor(random() * (lessons.length + 1.5)));
    for (const lesson of lessons.slice(0, reach)) {
      clock.advance((6 + random() * 30) * 3600 * 1000);
      for (const p of lesson.sections.flatMap((sec) => sec.paragraphs)) {
        clock.advance((20 + random() * 70) * 1000);
        await s.progress.record(me, { lessonSlug: lesson.slug, paragraphId: p.id });
      }
      await s.progress.record(me, { lessonSlug: lesson.slug, completed: random() < 0.9 });
      const quiz = content.quizzes.find((q) => q.id === lesson.quiz)!;
      if (random() < 0.6) {
        const practice = await s.attempts.start(me, quiz.id, AttemptMode.PRACTICE);
        for (const item of quiz.items.filter((it) => !itemType(it).handGraded && inPractice(it)).slice(0, 5)) {
          clock.advance(40_000);
          await s.attempts.submit(me, practice.id, item.id, demoAnswer(item, random() < ability));
        }
        await s.attempts.finish(me, practice.id);
      }
      const closed = quiz.settings.closesAt !== undefined && new Date(quiz.settings.closesAt) <= clock.now();
      const tries = closed ? 0 : Math.min(quiz.settings.maxAttempts, random() < 0.25 ? 2 : 1);
      for (let t = 0; t < tries; t++) {
        clock.advance(3600 * 1000);
        const attempt = await s.attempts.start(me, quiz.id, AttemptMode.ASSESSMENT);
        for (const item of quiz.items.filter(inAssessment)) {
          clock.advance((30 + random() * 60) * 1000);
          const p = Math.min(0.98, ability + t * 0.1);
          await s.attempts.submit(me, attempt.id, item.id, demoAnswer(item, itemType(item).handGraded || random() < p));
        }
        await s.attempts.finish(me, attempt.id);
      }
    }
  }
  print(room.joinCode);
}

function print(joinCode: string) {
  console.log(`
Demo data (start the server with \`npm start\` and open the printed URL):
  instructor   ${INSTRUCTOR.email} / ${INSTRUCTOR.password}   → /teach
  learners     demo.learner01@example.com … demo.learner30@example.com / ${LEARNER_PASSWORD}
  class code   ${joinCode}
`);
}

await app.close();
await db.destroy();
