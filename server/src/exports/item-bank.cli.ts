/**
 * `npm run export:qti -- --quiz ID --out file.zip` and `npm run export:moodle -- --quiz ID --out file.xml`: a
 * quiz's items from content/ (or --content DIR) as a QTI 3.0 package or Moodle XML, for operators and
 * instructors with a checkout. `--quiz all` writes one file per quiz into --out as a directory.
 * `npm run import:qti -- --in file.zip` reads a package back and prints its items as JSON (a check of the round trip).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../content/content.loader.js";
import type { QuizFile } from "../content/content.schema.js";
import { moodleXml } from "./moodle.js";
import { importQtiPackage, qtiPackage } from "./qti.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quiz: { type: "string" }, out: { type: "string" }, in: { type: "string" }, content: { type: "string" } },
});
const command = positionals[0];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (command === "import-qti") {
  if (!values.in) fail("Usage: npm run import:qti -- --in package.zip");
  const quiz = importQtiPackage(new Uint8Array(readFileSync(values.in)));
  console.log(JSON.stringify(quiz, null, 2));
} else if (command === "qti" || command === "moodle") {
  if (!values.quiz || !values.out) fail(`Usage: npm run export:${command} -- --quiz ID|all --out ${command === "qti" ? "file.zip" : "file.xml"} [--content DIR]`);
  const content = await loadContent(path.resolve(values.content ?? "content"));
  const quizzes: readonly QuizFile[] = values.quiz === "all" ? content.quizzes : content.quizzes.filter((q) => q.id === values.quiz);
  if (quizzes.length === 0) fail(`There is no quiz "${values.quiz}"; the quizzes are: ${content.quizzes.map((q) => q.id).join(", ")}`);
  const bytes = (q: QuizFile) => (command === "qti" ? qtiPackage(q) : Buffer.from(moodleXml(q), "utf8"));
  const ext = command === "qti" ? "zip" : "xml";
  if (values.quiz === "all") {
    mkdirSync(values.out, { recursive: true });
    for (const q of quizzes) writeFileSync(path.join(values.out, `${q.id}.${ext}`), bytes(q));
    console.log(`Wrote ${quizzes.length} files to ${values.out}`);
  } else {
    writeFileSync(values.out, bytes(quizzes[0]));
    console.log(`Wrote ${quizzes[0].items.length} items of ${quizzes[0].id} to ${values.out}`);
  }
} else {
  fail("Commands: qti, moodle, import-qti");
}
