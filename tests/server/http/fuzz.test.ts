/**
 * Input fuzzing over every mutation (fast-check): random, Arabic, huge and control-character strings, wrong
 * ids, out-of-range numbers. Only typed errors come back (BAD_USER_INPUT, GraphQL validation, or a domain
 * code), never INTERNAL_SERVER_ERROR, and a rejected call leaves the database exactly as it was.
 */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isKnownErrorCode } from "../../../server/src/errors.js";
import { START } from "../../helpers/operations.js";
import type { Learner, TestServer } from "../../helpers/test-server.js";
import { fixtureContent, startTestServer } from "../../helpers/test-server.js";
import { itemOfType } from "../../helpers/course-lookup.js";

// The content a test server serves (the fixture course): its first quiz, and real item ids of several types in it.
const content = await fixtureContent();
const QUIZ = content.quizzes.find((q) => q.id === content.lessons[0].quiz)!;
const ITEM_IDS = (["SINGLE_CHOICE", "TRUE_FALSE", "ORDERING", "SHORT_ANSWER"] as const).map((t) => itemOfType(QUIZ, t).id);

let server: TestServer;
let learner: Learner;
let teacher: Learner;
let attemptId: string;
let classId: string;
beforeAll(async () => {
  server = await startTestServer();
  learner = await server.learner("fuzz");
  teacher = await server.instructor("fuzzteacher");
  attemptId = (await learner.gql(START, { quizId: QUIZ.id, mode: "ASSESSMENT" })).body.data.startAttempt.id;
  classId = (await teacher.gql(`mutation { createClassroom(name: "F") { id } }`)).body.data.createClassroom.id;
});
afterAll(async () => server.stop());

/** A digest of every table but those a rejection is meant to change (a failed sign-in, password check, join code or sign-up is counted). */
async function digest(except: string[] = []): Promise<string> {
  const tables = (await server.tables()).filter((t) => !except.includes(t));
  const h = createHash("sha256");
  for (const name of tables) h.update(name + JSON.stringify(await server.sql(`SELECT * FROM "${name}" ORDER BY 1`)));
  return h.digest("hex");
}

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: fc.constantFrom(..."مالي المغرب الجزائر ـًٌٍَُِّْ٠١٢٣".split("")), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom("", " ", "\u0000", "x".repeat(20_000), "ب".repeat(5000), ITEM_IDS[0], `${ITEM_IDS[1]}.true`, "'; DROP TABLE response; --", "<script>alert(1)</script>", "null", "__proto__"),
);
const number = fc.oneof(fc.double({ noNaN: false }), fc.integer(), fc.constantFrom(-1, 0, 1e308, -1e308, 0.5, 7));
// The real ids are known only after beforeAll, so they are read when a value is drawn.
const id = fc.oneof(nasty, fc.uuid(), fc.constant(null).map(() => attemptId));

const ALLOWED = new Set(["BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "UNAUTHENTICATED", "FORBIDDEN"]);

/** Each mutation with an arbitrary for its variables, and who sends it. */
const cases: { name: string; doc: string; vars: fc.Arbitrary<Record<string, unknown>>; as: () => Learner | null; records?: string[] }[] = [
  { name: "signUp", doc: `mutation($e: String!, $p: String!, $n: String!) { signUp(input: { email: $e, password: $p, displayName: $n }) { token } }`, vars: fc.record({ e: nasty, p: nasty, n: nasty }), as: () => null, records: ["sign_in_failure"] },
  { name: "signIn", doc: `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { token } }`, vars: fc.record({ e: nasty, p: nasty }), as: () => null, records: ["sign_in_failure"] },
  { name: "recordLessonProgress", doc: `mutation($s: String!, $p: ID) { recordLessonProgress(input: { lessonSlug: $s, paragraphId: $p }) { status } }`, vars: fc.record({ s: nasty, p: nasty }), as: () => learner },
  { name: "startAttempt", doc: `mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) { id } }`, vars: fc.record({ q: nasty }), as: () => learner },
  {
    name: "submitAnswer",
    doc: `mutation($a: ID!, $i: ID!, $c: [ID!], $t: String, $s: [ID!]) { submitAnswer(input: { attemptId: $a, itemId: $i, answer: { choiceIds: $c, text: $t, sequence: $s } }) { id } }`,
    vars: fc.record({ a: id, i: fc.oneof(nasty, fc.constantFrom(...ITEM_IDS)), c: fc.option(fc.array(nasty, { maxLength: 5 })), t: fc.option(nasty), s: fc.option(fc.array(nasty, { maxLength: 8 })) }),
    as: () => learner,
  },
  { name: "finishAttempt", doc: `mutation($a: ID!) { finishAttempt(attemptId: $a) { id } }`, vars: fc.record({ a: nasty }), as: () => learner },
  { name: "abandonAttempt", doc: `mutation($a: ID!) { abandonAttempt(attemptId: $a) { id } }`, vars: fc.record({ a: nasty }), as: () => learner },
  { name: "submitReview", doc: `mutation($i: ID!, $t: String) { submitReview(input: { itemId: $i, answer: { text: $t } }) { id } }`, vars: fc.record({ i: nasty, t: fc.option(nasty) }), as: () => learner },
  { name: "joinClassroom", doc: `mutation($c: String!) { joinClassroom(code: $c) { id } }`, vars: fc.record({ c: nasty }), as: () => learner, records: ["sign_in_failure"] },
  { name: "createClassroom", doc: `mutation($n: String!) { createClassroom(name: $n) { id } }`, vars: fc.record({ n: fc.oneof(fc.constantFrom("", " ", "x".repeat(200)), fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 0 })) }), as: () => teacher },
  { name: "regenerateJoinCode", doc: `mutation($c: ID!) { regenerateJoinCode(classroomId: $c) { id } }`, vars: fc.record({ c: nasty }), as: () => teacher },
  { name: "removeLearner", doc: `mutation($c: ID!, $l: ID!) { removeLearner(classroomId: $c, learnerId: $l) }`, vars: fc.record({ c: fc.oneof(nasty, fc.constant(null).map(() => classId)), l: nasty }), as: () => teacher },
  { name: "gradeEssay", doc: `mutation($r: ID!, $s: Float!, $m: String) { gradeEssay(input: { responseId: $r, score: $s, comment: $m }) { id } }`, vars: fc.record({ r: nasty, s: number.filter((n) => Number.isFinite(n)), m: fc.option(nasty) }), as: () => teacher },
  { name: "setLocale", doc: `mutation($l: Locale!) { setLocale(locale: $l) { id } }`, vars: fc.record({ l: nasty }), as: () => learner },
  { name: "deleteMyAccount", doc: `mutation($p: String!) { deleteMyAccount(password: $p) }`, vars: fc.record({ p: nasty.filter((p) => p !== "correct horse battery") }), as: () => learner, records: ["sign_in_failure"] },
];

describe("fuzzing every mutation's inputs", () => {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
  it.each(cases)("$name: typed errors only, nothing changed when rejected", async ({ name, doc, vars, as, records = [] }) => {
    console.log(`fuzz ${name} seed: ${seed} (rerun with FC_SEED=${seed})`);
    await fc.assert(
      fc.asyncProperty(vars, async (v) => {
        const before = await digest(records);
        const sender = as();
        const res = sender ? await sender.gql(doc, v) : await server.gql(doc, v);
        expect(res.status).toBeLessThan(500);
        const errors = res.body.errors ?? [];
        for (const e of errors) {
          const code = e.extensions?.code;
          expect(code === "INTERNAL_SERVER_ERROR" ? `${code}: ${e.message}` : "typed").toBe("typed");
          expect(ALLOWED.has(String(code)) || isKnownErrorCode(code), `${name}: ${code} ${e.message}`).toBe(true);
        }
        if (errors.length > 0) expect(await digest(records), `${name} changed the database while failing with ${JSON.stringify(errors)}`).toBe(before);
      }),
      { seed, numRuns: 25 },
    );
  }, 60_000);
});
