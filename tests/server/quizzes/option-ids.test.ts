/**
 * Option ids and the public option order are keyed with the server's secret: the public quiz no longer lets
 * anyone recompute them from guessed local ids (the old formula was SHA-256 of "option:<item>:<local>"), and
 * they stay the same across a restart. A database from before the secret gets one, and its attempts' stored
 * option orders are carried over to the new ids (the ServerSecrets migration).
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Item } from "../../../server/src/content/content.schema.js";
import { sql } from "../../../server/src/db/sql.js";
import { rightAnswerInput } from "../../helpers/answers.js";
import { FINISH, SUBMIT } from "../../helpers/operations.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";
import { hasEssay, quizWhere } from "../../helpers/course-lookup.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
/** The old, secret-less formulas. */
const oldId = (itemId: string, local: string) => `${itemId}.${sha(`option:${itemId}:${local}`).slice(0, 8)}`;
const oldOrder = <T extends { id: string }>(itemId: string, xs: T[]) => [...xs].sort((a, b) => (sha(`order:${itemId}:${a.id}`) < sha(`order:${itemId}:${b.id}`) ? -1 : 1));

/** Every option of an item with its local id and Arabic text (choices, sequence, both sides of matching). */
function options(item: Item): { id: string; text: { ar: string } }[] {
  switch (item.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return item.choices;
    case "ORDERING":
      return item.sequence;
    case "MATCHING":
      return [...item.pairs.flatMap((p) => [p.left, p.right]), ...(item.distractors ?? [])];
    default:
      return [];
  }
}

/** Local ids an attacker would try: letters, digits, and the prefixes content uses (e1, l1, r1 …). */
const GUESSES = [
  ..."abcdefghij",
  ...Array.from({ length: 12 }, (_, i) => String(i + 1)),
  ...["e", "l", "r", "s", "opt", "choice", "c"].flatMap((p) => Array.from({ length: 12 }, (_, i) => `${p}${i + 1}`)),
];

const QUIZ_ITEMS = `query($q: ID!) { quiz(id: $q) { items { id choices { id text } targets { id text } } } }`;

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0).reverse()) await s.stop();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function publicItems(server: TestServer): Promise<Map<string, { choices: { id: string; text: string }[]; targets: { id: string; text: string }[] }>> {
  const out = new Map();
  for (const quiz of server.app.store.content.quizzes) {
    const res = await server.gql<any>(QUIZ_ITEMS, { q: quiz.id });
    for (const item of res.body.data!.quiz.items) out.set(item.id, item);
  }
  return out;
}

describe("option ids", () => {
  it("should not be derivable from SHA-256 of the public data, by id or by order", async () => {
    const server = await startTestServer();
    servers.push(server);
    const shown = await publicItems(server);
    const items = server.app.store.content.quizzes.flatMap((q) => q.items).filter((i) => options(i).length > 0);
    expect(items.length).toBeGreaterThan(12);
    let recovered = 0;
    let sameOrder = 0;
    for (const item of items) {
      const view = shown.get(item.id)!;
      const publicIds = new Set([...view.choices, ...view.targets].map((c) => c.id));
      // The attack: compute the old id of every guessed local id and look for it among the public ids.
      for (const guess of [...GUESSES, ...options(item).map((o) => o.id)]) if (publicIds.has(oldId(item.id, guess))) recovered++;
      // The old public order of choices was a function of the local ids too; it matched the shown order for every item.
      if (item.type === "SINGLE_CHOICE" || item.type === "MULTIPLE_CHOICE") {
        if (JSON.stringify(oldOrder(item.id, item.choices).map((c) => c.text.ar)) === JSON.stringify(view.choices.map((c) => c.text))) sameOrder++;
      }
    }
    expect(recovered).toBe(0);
    const choiceItems = items.filter((i) => i.type === "SINGLE_CHOICE" || i.type === "MULTIPLE_CHOICE").length;
    expect(choiceItems).toBeGreaterThanOrEqual(8);
    expect(sameOrder).toBeLessThan(choiceItems); // by chance now: (1/3! … 1/6!) per item, so all of 8 or more is (1/6)^8 at most
  });

  it("should keep the same ids across a restart, and grade an answer built before it", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "option-ids-"));
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const before = await publicItems(first);
    const ids = first.app.store.ids;
    const me = await first.learner();
    const quiz = quizWhere(first.app.store.content, "no essay", (q) => !hasEssay(q)); // every answer gradable at once
    const attempt = (await me.gql(`mutation($q: ID!) { startAttempt(quizId: $q, mode: PRACTICE) { id } }`, { q: quiz.id })).body.data.startAttempt;
    const answers = quiz.items.map((item) => ({ item, answer: rightAnswerInput(item, ids) }));
    await first.stop();

    const second = await startTestServer({ dataDir });
    servers.push(second);
    expect(await publicItems(second)).toEqual(before);
    const again = second.rebind(me);
    for (const { item, answer } of answers) {
      const r = await again.gql(SUBMIT, { input: { attemptId: attempt.id, itemId: item.id, answer } });
      expect(r.body.errors, item.id).toBeUndefined();
    }
    const done = (await again.gql(FINISH, { id: attempt.id })).body.data.finishAttempt;
    const total = quiz.items.reduce((s, i) => s + i.points, 0);
    expect(done).toMatchObject({ state: "FINISHED", score: total, maxScore: total });
  });

  it("should give a database from before the secret one, and carry its attempts' option orders and answers over", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "option-ids-old-"));
    dirs.push(dataDir);
    const first = await startTestServer({ dataDir });
    const me = await first.learner();
    const quizId = first.app.store.content.lessons[0].quiz;
    const quiz = first.app.store.quizFile(quizId)!;
    const started = (await me.gql(`mutation { startAttempt(quizId: "${quizId}", mode: PRACTICE) { id items { id choices { id text } targets { id text } } } }`)).body.data.startAttempt;
    const sc = quiz.items.find((i) => i.type === "SINGLE_CHOICE")!;
    await me.gql(SUBMIT, { input: { attemptId: started.id, itemId: sc.id, answer: rightAnswerInput(sc, first.app.store.ids) } });
    // Turn the database back into one from before: old ids in the layout, no secret, the migration not run.
    const ids = first.app.store.ids;
    const [row] = await first.sql<{ layout: string }>(`SELECT layout FROM attempt WHERE id = ?`, [started.id]);
    const layout = JSON.parse(row.layout) as { items: { itemId: string; choices: string[]; targets: string[] }[] };
    for (const slot of layout.items) {
      const item = quiz.items.find((i) => i.id === slot.itemId)!;
      const back = new Map(options(item).map((o) => [ids.option(item.id, o.id), oldId(item.id, o.id)]));
      slot.choices = slot.choices.map((id) => back.get(id) ?? id);
      slot.targets = slot.targets.map((id) => back.get(id) ?? id);
    }
    await first.sql(`UPDATE attempt SET layout = ? WHERE id = ?`, [JSON.stringify(layout), started.id]);
    await first.sql(`DROP TABLE server_secret`);
    await first.sql(`DELETE FROM migrations WHERE name = ?`, ["ServerSecrets1764456000000"]);
    await first.stop();

    const second = await startTestServer({ dataDir });
    servers.push(second);
    const [secret] = await sql<{ value: string }>(second.db, `SELECT value FROM server_secret WHERE name = 'option-ids'`);
    expect(secret.value).toMatch(/^[0-9a-f]{64}$/);
    const view = (await second.rebind(me).gql(`query($id: ID!) { attempt(id: $id) { items { id choices { id text } targets { id text } } responses { itemId correct answer { choiceIds } } } }`, { id: started.id }))
      .body.data.attempt;
    // Same order of the same texts, every option present, under the new ids.
    const texts = (xs: { text: string }[]) => xs.map((x) => x.text);
    for (const [i, item] of view.items.entries()) {
      expect(texts(item.choices), item.id).toEqual(texts(started.items[i].choices));
      expect(texts(item.targets), item.id).toEqual(texts(started.items[i].targets));
      const want = options(quiz.items.find((q) => q.id === item.id)!).map((o) => second.app.store.ids.option(item.id, o.id));
      for (const c of [...item.choices, ...item.targets]) if (!c.id.endsWith(".true") && !c.id.endsWith(".false")) expect(want).toContain(c.id);
    }
    // The answer given before reads in the new ids and is still right.
    const r = view.responses.find((x: { itemId: string }) => x.itemId === sc.id);
    expect(r.correct).toBe(true);
    expect(r.answer.choiceIds).toEqual([second.app.store.ids.option(sc.id, sc.choices.find((c) => c.correct)!.id)]);
    expect(view.items.find((i: { id: string }) => i.id === sc.id).choices.map((c: { id: string }) => c.id)).toContain(r.answer.choiceIds[0]);
  });
});
