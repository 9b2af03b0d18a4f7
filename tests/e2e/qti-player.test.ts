/**
 * The exported QTI 3.0 items played by a third-party QTI 3 player, @citolab/qti-components (its CDN bundle), in
 * Chromium: every item of every quiz of the course, in both languages, is transformed and rendered by the
 * player (its interaction element present), then scored by the player's own response processing: a right
 * response full marks, a wrong one zero. Single-choice items are answered by clicking the choice in the
 * rendered item; the other interactions get their response through the player's API
 * (updateResponseVariable), as their drag-and-drop needs no testing here. Essays are scored by a person
 * (external-scored="human"): the player renders them and computes no score.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Item, QuizFile } from "../../server/src/content/content.schema.js";
import { qtiFiles } from "../../server/src/exports/qti.js";
import { realContent } from "../helpers/test-server.js";
import { openSession } from "./browser.js";
import type { Session } from "./browser.js";

const chromiumPath = inject("chromiumPath");
const require = createRequire(import.meta.url);
const PLAYER = require.resolve("@citolab/qti-components/cdn/index.js");

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>QTI player</title></head><body><main id="host"></main>
<script type="module">
import { qtiTransformItem } from "/player.js";
const host = document.getElementById("host");
window.loadItem = async (path) => {
  const xml = await (await fetch(path)).text();
  host.replaceChildren(qtiTransformItem().parse(xml).htmlDoc());
  await customElements.whenDefined("qti-assessment-item");
  const item = host.querySelector("qti-assessment-item");
  await item.updateComplete;
  return { identifier: item.getAttribute("identifier"), interactions: [...host.querySelectorAll("*")].map((e) => e.localName).filter((n) => n.endsWith("-interaction")) };
};
window.respond = (value) => {
  const item = host.querySelector("qti-assessment-item");
  if (value !== undefined) item.updateResponseVariable("RESPONSE", value);
  item.processResponse();
  const score = item.getOutcome("SCORE");
  return score ? score.value : null;
};
window.ready = true;
</script></body></html>`;

let server: Server;
let base: string;
let session: Session;
const files = new Map<string, string>();
let quizzes: readonly QuizFile[];

beforeAll(async () => {
  quizzes = (await realContent()).quizzes;
  for (const q of quizzes) for (const [p, text] of qtiFiles(q)) files.set(`/${q.id}/${p}`, text);
  const player = await readFile(PLAYER);
  server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    else if (url === "/player.js") res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(player);
    else if (files.has(url)) res.writeHead(200, { "content-type": "application/xml; charset=utf-8" }).end(files.get(url));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  session = await openSession(chromiumPath);
  await session.page.goto(base);
  await session.page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
});
afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const c = (id: string) => `C-${id}`;

/** The QTI response the content's key gives, and one that earns nothing. */
function responses(item: Item): { right: string | string[]; wrong: string | string[] } | null {
  switch (item.type) {
    case "SINGLE_CHOICE":
      return { right: c(item.choices.find((x) => x.correct)!.id), wrong: c(item.choices.find((x) => !x.correct)!.id) };
    case "MULTIPLE_CHOICE":
      return { right: item.choices.filter((x) => x.correct).map((x) => c(x.id)), wrong: item.choices.filter((x) => !x.correct).map((x) => c(x.id)) };
    case "TRUE_FALSE":
      return { right: c(String(item.answer)), wrong: c(String(!item.answer)) };
    case "MATCHING": {
      const rights = item.pairs.map((p) => p.right.id);
      return { right: item.pairs.map((p) => `${c(p.left.id)} ${c(p.right.id)}`), wrong: item.pairs.map((p, i) => `${c(p.left.id)} ${c(rights[(i + 1) % rights.length])}`) };
    }
    case "CLASSIFY": {
      const other = (cat: string) => item.categories.find((k) => k.id !== cat)!.id;
      return { right: item.statements.map((s) => `${c(s.id)} ${c(s.category)}`), wrong: item.statements.map((s) => `${c(s.id)} ${c(other(s.category))}`) };
    }
    case "ORDERING": {
      const seq = item.sequence.map((s) => c(s.id));
      // All or nothing in QTI: the key order scores, any other order does not.
      return { right: seq, wrong: [...seq.slice(1), seq[0]] };
    }
    case "SHORT_ANSWER":
      return { right: item.accept[item.accept.length - 1].toUpperCase(), wrong: "لا أعرف the answer" };
    case "ESSAY":
      return null;
  }
}

const INTERACTION: Record<Item["type"], string> = {
  SINGLE_CHOICE: "qti-choice-interaction",
  MULTIPLE_CHOICE: "qti-choice-interaction",
  TRUE_FALSE: "qti-choice-interaction",
  MATCHING: "qti-match-interaction",
  CLASSIFY: "qti-match-interaction",
  ORDERING: "qti-order-interaction",
  SHORT_ANSWER: "qti-text-entry-interaction",
  ESSAY: "qti-extended-text-interaction",
};

describe("the exported items in a third-party QTI 3 player", () => {
  it("should render every item of every quiz in both languages and score a right response full marks and a wrong one zero", async () => {
    const { page } = session;
    const seen = new Set<string>();
    for (const quiz of quizzes) {
      for (const item of quiz.items) {
        for (const lang of ["ar", "en"] as const) {
          const where = `${quiz.id}/${item.id}.${lang}`;
          const loaded = await page.evaluate((p) => (window as unknown as { loadItem(p: string): Promise<{ identifier: string; interactions: string[] }> }).loadItem(p), `/${quiz.id}/items/${item.id}.${lang}.xml`);
          expect(loaded.identifier, where).toBe(`Q-${item.id}-${lang}`);
          expect(loaded.interactions, where).toContain(INTERACTION[item.type]);
          const respond = (value?: string | string[]) => page.evaluate((v) => (window as unknown as { respond(v?: string | string[]): unknown }).respond(v), value);
          const r = responses(item);
          if (r === null) {
            // An essay: rendered, and left to a person (SCORE stays its default, 0).
            expect(Number(await respond("Un essai / مقال")), where).toBe(0);
            seen.add(item.type);
            continue;
          }
          if (item.type === "SINGLE_CHOICE") {
            // Answered as a learner would: a click on the choice in the rendered item.
            await page.locator(`qti-simple-choice[identifier="${r.right as string}"]`).click();
            expect(Number(await respond()), `${where} (clicked)`).toBe(item.points);
          }
          expect(Number(await respond(r.right)), `${where} right`).toBe(item.points);
          expect(Number(await respond(r.wrong)), `${where} wrong`).toBe(0);
          seen.add(item.type);
        }
      }
    }
    expect(seen.size).toBe(8);
  });
});
