/**
 * A copy of content/ with one generated bench lesson whose quiz has 40 items (short answers and single
 * choices), so that submissions can be verified one by one and item statistics run at full width.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, stringify } from "yaml";

export const BENCH_QUIZ = "q-bench";
export const BENCH_ITEMS = 40;

export async function benchContentDir(projectRoot: string): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), "bench-content-")), "content");
  await cp(path.join(projectRoot, "content"), dir, { recursive: true });
  const course = parse(await readFile(path.join(dir, "course.yaml"), "utf8"));
  course.lessons.push("bench");
  await writeFile(path.join(dir, "course.yaml"), stringify(course));
  // The diagnostic and the final must cover every live objective, the bench lesson's too; the bench measures
  // lessons and answers, not them, so its copy of the course goes without them.
  for (const name of await readdir(path.join(dir, "quizzes"))) {
    const role = parse(await readFile(path.join(dir, "quizzes", name), "utf8"))?.role;
    if (role === "diagnostic" || role === "final") await rm(path.join(dir, "quizzes", name));
  }
  const t = (ar: string, en: string) => ({ ar, en });
  const lesson = {
    slug: "bench",
    order: course.lessons.length,
    estimatedMinutes: 5,
    title: t("درس القياس", "Benchmark lesson"),
    summary: t("درس مولَّد لقياس الأداء", "A generated lesson for benchmarks"),
    objectives: [
      { id: "lb-o1", text: t("هدف القياس الأول", "Bench objective one") },
      { id: "lb-o2", text: t("هدف القياس الثاني", "Bench objective two") },
    ],
    sections: [{ id: "lb-s1", heading: t("قسم", "Section"), paragraphs: [{ id: "lb-p1", sourceParagraphs: [1], text: t("فقرة القياس", "Bench paragraph") }] }],
    keyTerms: [{ id: "lb-t1", term: t("مصطلح", "Term"), definition: t("تعريف", "Definition") }],
    timeline: [],
    sources: [],
    quiz: BENCH_QUIZ,
  };
  const items = Array.from({ length: BENCH_ITEMS }, (_, i) => {
    const id = `qb-${String(i + 1).padStart(2, "0")}`;
    const base = { id, points: 1, level: (["understand", "apply", "analyse", "evaluate"] as const)[i % 4], objectives: [i % 2 ? "lb-o2" : "lb-o1"], evidence: ["lb-p1"], prompt: t(`سؤال ${i + 1}`, `Question ${i + 1}`), explanation: t("شرح", "Explanation") };
    return i % 4 === 3
      ? { ...base, type: "SINGLE_CHOICE", choices: ["a", "b", "c", "d"].map((c, k) => ({ id: c, text: t(`خيار ${c} ${i + 1}`, `Choice ${c} ${i + 1}`), ...(k === 0 ? { correct: true } : {}) })) }
      : { ...base, type: "SHORT_ANSWER", accept: [`جواب${i}`] };
  });
  const quiz = { id: BENCH_QUIZ, lesson: "bench", title: t("اختبار القياس", "Bench quiz"), settings: { maxAttempts: 100, gradingMethod: "HIGHEST", reviewPolicy: "AFTER_FINISH" }, items };
  await writeFile(path.join(dir, "lessons", `${String(lesson.order).padStart(2, "0")}-bench.yaml`), stringify(lesson));
  await writeFile(path.join(dir, "quizzes", `${String(lesson.order).padStart(2, "0")}-bench.yaml`), stringify(quiz));
  return dir;
}
