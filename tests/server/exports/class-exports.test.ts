/**
 * The class exports over GraphQL, opened with independent readers: the gradebook as CSV parsed by csv-parse with
 * both settings (comma/point and semicolon/comma) and as XLSX read back by read-excel-file; a quiz's raw
 * responses, one row per answer. Learners with the same name are told apart by the disambiguator column.
 */
import { parse } from "csv-parse/sync";
import readExcelFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/src/shared/clock.js";
import { rightAnswerInput, wrongAnswerInput } from "../../helpers/answers.js";
import { FINISH, START, SUBMIT } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";
import { importQtiPackage } from "../../../server/src/exports/qti.js";

const content = await fixtureContent();
// A quiz with an essay (its attempt waits for grading) and another without (graded at once).
const ESSAY_QUIZ = quizWhere(content, "an essay", hasEssay);
const PLAIN_QUIZ = quizWhere(content, "no essay", (q) => !hasEssay(q));
const clock = new ManualClock("2026-10-05T09:00:00Z");

let server: TestServer;
let teacher: Learner;
let classId: string;
const sara: Learner[] = [];
let other: Learner;

const GRADEBOOK = `query($id: ID!, $format: SheetFormat, $sep: CsvSeparator, $locale: Locale) {
  gradebookExport(classroomId: $id, format: $format, separator: $sep, locale: $locale) { filename contentType base64 } }`;
const RESPONSES = `query($id: ID!, $quiz: ID!, $sep: CsvSeparator, $locale: Locale) {
  responsesExport(classroomId: $id, quizId: $quiz, separator: $sep, locale: $locale) { filename contentType base64 } }`;

async function file(query: string, vars: Record<string, unknown>): Promise<{ filename: string; contentType: string; bytes: Buffer }> {
  const res = await teacher.gql(query, vars);
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  const f = Object.values(res.body.data)[0] as { filename: string; contentType: string; base64: string };
  return { ...f, bytes: Buffer.from(f.base64, "base64") };
}

/** Answers every item of an assessment attempt: right (or wrong when `right` is false), the essay with text. */
async function assess(l: Learner, quizId: string, right: boolean): Promise<void> {
  const quiz = server.app.store.quizFile(quizId)!;
  const a = (await l.gql(START, { quizId, mode: "ASSESSMENT" })).body.data.startAttempt;
  for (const shown of a.items as { id: string }[]) {
    const item = quiz.items.find((i) => i.id === shown.id)!;
    const answer = right || item.type === "ESSAY" ? rightAnswerInput(item, server.app.store.ids) : wrongAnswerInput(item, server.app.store.ids);
    const sent = await l.gql(SUBMIT, { input: { attemptId: a.id, itemId: item.id, answer } });
    expect(sent.body.errors, JSON.stringify(sent.body.errors)).toBeUndefined();
    clock.advance(1000);
  }
  await l.gql(FINISH, { id: a.id });
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  teacher = await server.instructor("Ms Traoré");
  const room = (await teacher.gql(`mutation { createClassroom(name: "Export; \\"test\\"") { id joinCode } }`)).body.data.createClassroom;
  classId = room.id;
  sara.push(await server.learner("سارة"), await server.learner("سارة"));
  other = await server.learner("=cmd|' /C calc'!A0"); // a name that would run as a formula
  for (const l of [...sara, other]) await l.gql(`mutation($c: String!) { joinClassroom(code: $c) { id } }`, { c: room.joinCode });
  await assess(sara[0], PLAIN_QUIZ.id, true);
  await assess(sara[1], PLAIN_QUIZ.id, false);
  await assess(sara[0], ESSAY_QUIZ.id, true); // pending grading: the essay waits
  await other.gql(START, { quizId: PLAIN_QUIZ.id, mode: "ASSESSMENT" }); // in progress, nothing finished
});
afterAll(async () => server.stop());

const quizzes = () => server.app.store.content.quizzes;
const objectives = () => server.app.store.content.lessons.flatMap((l) => l.objectives);
const gradeCol = (quizId: string) => 2 + 2 * quizzes().findIndex((q) => q.id === quizId);

describe("the gradebook export", () => {
  it("should parse with comma/point: BOM, header, a row per learner, grades, states, lessons and mastery columns", async () => {
    const f = await file(GRADEBOOK, { id: classId, format: "CSV", sep: "COMMA", locale: "EN" });
    expect(f.contentType).toBe("text/csv; charset=utf-8");
    expect(f.filename).toMatch(/^gradebook-[a-z0-9]+-2026-10-05\.csv$/);
    expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(f.bytes.toString("utf8"), { bom: true, delimiter: "," });
    const header = rows[0];
    expect(header).toHaveLength(2 + 2 * quizzes().length + 1 + objectives().length);
    expect(header.slice(0, 2)).toEqual(["Learner", "Email or code"]);
    expect(header[gradeCol(PLAIN_QUIZ.id)]).toBe(`${PLAIN_QUIZ.title.en} (%)`);
    expect(header[gradeCol(PLAIN_QUIZ.id) + 1]).toBe(`${PLAIN_QUIZ.title.en} — state`);
    expect(header[2 + 2 * quizzes().length]).toMatch(/^Lessons completed of \d+$/);
    expect(header.at(-1)).toBe(`Mastery: ${objectives().at(-1)!.text.en}`);
    expect(rows).toHaveLength(4);
    // The two Saras are told apart by their emails.
    const saras = rows.filter((r) => r[0] === "سارة");
    expect(saras.map((r) => r[1]).sort()).toEqual(sara.map((l) => l.email).sort());
    const first = saras.find((r) => r[1] === sara[0].email)!;
    const second = saras.find((r) => r[1] === sara[1].email)!;
    expect(first[gradeCol(PLAIN_QUIZ.id)]).toBe("100");
    expect(first[gradeCol(PLAIN_QUIZ.id) + 1]).toBe("graded");
    expect(second[gradeCol(PLAIN_QUIZ.id)]).toBe("0");
    expect(first[gradeCol(ESSAY_QUIZ.id) + 1]).toBe("pending grading");
    expect(second[gradeCol(ESSAY_QUIZ.id)]).toBe("");
    expect(second[gradeCol(ESSAY_QUIZ.id) + 1]).toBe("missing");
    const formula = rows.find((r) => r[0].includes("calc"))!;
    expect(formula[0]).toBe("'=cmd|' /C calc'!A0"); // neutralised: a text cell, not a formula
    expect(formula[gradeCol(PLAIN_QUIZ.id) + 1]).toBe("in progress");
    expect(first.slice(3 + 2 * quizzes().length).every((m) => ["Not started", "Attempted", "Familiar", "Proficient", "Mastered"].includes(m))).toBe(true);
    expect(first.slice(3 + 2 * quizzes().length).some((m) => m !== "Not started")).toBe(true);
  });

  it("should parse with semicolon/comma: decimals with a comma, the same cells otherwise", async () => {
    // A grade that is not whole: an essay graded below full marks makes the essay quiz's percent fractional.
    const essayRow = (await server.sql(`SELECT id FROM response WHERE status = 'PENDING_MANUAL' AND "userId" = ?`, [sara[0].id]))[0];
    const essay = ESSAY_QUIZ.items.find((i) => i.type === "ESSAY")!;
    const graded = await teacher.gql(`mutation($id: ID!, $s: Float!) { gradeEssay(input: { responseId: $id, score: $s }) { id } }`, { id: essayRow.id, s: essay.points / 3 });
    expect(graded.body.errors, JSON.stringify(graded.body.errors)).toBeUndefined();
    const comma: string[][] = parse((await file(GRADEBOOK, { id: classId, sep: "COMMA", locale: "EN" })).bytes.toString("utf8"), { bom: true });
    const semi: string[][] = parse((await file(GRADEBOOK, { id: classId, sep: "SEMICOLON", locale: "EN" })).bytes.toString("utf8"), { bom: true, delimiter: ";" });
    expect(semi.map((r) => r.length)).toEqual(comma.map((r) => r.length));
    const col = gradeCol(ESSAY_QUIZ.id);
    const c = comma.find((r) => r[1] === sara[0].email)![col];
    const s = semi.find((r) => r[1] === sara[0].email)![col];
    expect(c).toMatch(/^\d+\.\d+$/);
    expect(s).toBe(c.replace(".", ","));
    expect(semi.find((r) => r[1] === sara[0].email)![col + 1]).toBe("graded");
    // Apart from decimal marks the two files hold the same cells.
    expect(semi.map((r) => r.map((x) => x.replace(",", ".")))).toEqual(comma.map((r) => r.map((x) => x.replace(",", "."))));
  });

  it("should be read back from XLSX by an independent reader: numbers as numbers, Arabic titles in Arabic", async () => {
    const f = await file(GRADEBOOK, { id: classId, format: "XLSX", locale: "AR" });
    expect(f.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(f.filename).toMatch(/\.xlsx$/);
    const sheets = await readExcelFile(f.bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(["دفتر الدرجات"]);
    const rows = sheets[0].data;
    const header = rows[0] as string[];
    expect(header[0]).toBe("المتعلم");
    expect(header[gradeCol(PLAIN_QUIZ.id)]).toBe(`${PLAIN_QUIZ.title.ar} (%)`);
    const first = rows.find((r) => r[1] === sara[0].email)!;
    expect(first[gradeCol(PLAIN_QUIZ.id)]).toBe(100);
    expect(first[gradeCol(PLAIN_QUIZ.id) + 1]).toBe("مصحَّح");
    expect(typeof first[2 + 2 * quizzes().length]).toBe("number");
    expect(rows.find((r) => r[1] === sara[1].email)![gradeCol(ESSAY_QUIZ.id) + 1]).toBe("لم يُسلَّم");
    expect(rows).toHaveLength(4);
  });
});

describe("the raw responses export", () => {
  it("should give one row per answer with item version, the answer as text, score, max and time", async () => {
    const f = await file(RESPONSES, { id: classId, quiz: PLAIN_QUIZ.id, sep: "SEMICOLON", locale: "EN" });
    const rows: string[][] = parse(f.bytes.toString("utf8"), { bom: true, delimiter: ";" });
    expect(rows[0]).toEqual(["Learner", "Email or code", "Mode", "Attempt", "Item", "Item version", "Answer", "Status", "Score", "Max", "Answered at (UTC)"]);
    const stored = await server.sql(
      `SELECT r.id FROM response r JOIN attempt a ON a.id = r."attemptId" WHERE a."quizId" = ? AND r."userId" IN (??)`,
      [PLAIN_QUIZ.id, [...sara, other].map((l) => l.id)],
    );
    expect(rows.length - 1).toBe(stored.length);
    const mine = rows.filter((r) => r[1] === sara[0].email);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r[2]).toBe("assessment");
      expect(r[3]).toBe("1");
      expect(Number(r[5])).toBeGreaterThanOrEqual(1);
      expect(r[6]).not.toBe("");
      expect(r[8]).toBe(r[9]); // all right: score = max
      expect(r[10]).toMatch(/^2026-10-05T09:\d\d:\d\d\.000Z$/);
    }
    // Answers are texts, not ids: each choice item's answer is one of its choices' English texts.
    const choiceRows = mine.filter((r) => PLAIN_QUIZ.items.some((i) => i.id === r[4] && (i.type === "SINGLE_CHOICE" || i.type === "TRUE_FALSE")));
    expect(choiceRows.length).toBeGreaterThan(0);
    for (const r of choiceRows) {
      const item = PLAIN_QUIZ.items.find((i) => i.id === r[4])!;
      const texts = item.type === "SINGLE_CHOICE" ? item.choices.map((c) => c.text.en) : ["True", "False"];
      expect(texts).toContain(r[6]);
    }
  });

  it("should refuse an unknown quiz with a clear error", async () => {
    const res = await teacher.gql(RESPONSES, { id: classId, quiz: "no-such-quiz" });
    expect(res.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("should not export another instructor's class", async () => {
    const stranger = await server.instructor("Mr Coulibaly");
    for (const [q, v] of [
      [GRADEBOOK, { id: classId }],
      [RESPONSES, { id: classId, quiz: PLAIN_QUIZ.id }],
    ] as const) {
      expect((await stranger.gql(q, v)).body.errors?.[0].extensions?.code).toBe("classroom/not_found");
    }
  });
});

describe("the item bank download", () => {
  it("should give a quiz as a QTI 3.0 package that imports back to its items, and as Moodle XML", async () => {
    const qti = await file(`query($q: ID!) { itemBankExport(quizId: $q, format: QTI3) { filename contentType base64 } }`, { q: PLAIN_QUIZ.id });
    expect(qti.contentType).toBe("application/zip");
    expect(qti.filename).toBe(`${PLAIN_QUIZ.id}-qti3-2026-10-05.zip`);
    expect(importQtiPackage(new Uint8Array(qti.bytes)).items).toEqual(JSON.parse(JSON.stringify(server.app.store.quizFile(PLAIN_QUIZ.id)!.items, (k, v) => (k === "correct" && v === false ? undefined : v))));
    const moodle = await file(`query($q: ID!) { itemBankExport(quizId: $q, format: MOODLE_XML) { filename contentType base64 } }`, { q: PLAIN_QUIZ.id });
    expect(moodle.contentType).toBe("application/xml; charset=utf-8");
    expect(moodle.bytes.toString("utf8")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<quiz>/);
    expect((moodle.bytes.toString("utf8").match(/<question type="(?!category)/g) ?? []).length).toBe(PLAIN_QUIZ.items.length);
  });

  it("should refuse an unknown quiz", async () => {
    const res = await teacher.gql(`{ itemBankExport(quizId: "no-such-quiz", format: QTI3) { filename } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});
