/**
 * Helpers for the e2e journey: a fresh Chromium profile per learner, axe-core run inside the page (no
 * serious or critical violation allowed), and full-page screenshots under test-results/screenshots/.
 */
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { chromium } from "playwright-core";
import type { BrowserContext, Locator, Page, Response } from "playwright-core";
import { PROJECT_ROOT } from "../helpers/test-server.js";
import { CHROMIUM_FLAGS } from "./chromium.js";

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, "test-results", "screenshots");
/** Every wait is a failure guard, never a pause. */
export const GUARD = { timeout: 10_000 };

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openSession(executablePath: string, viewport = { width: 1280, height: 900 }): Promise<Session> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "e2e-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: "ar",
    timeout: 30_000,
  });
  context.setDefaultTimeout(GUARD.timeout);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Anything the server's Content-Security-Policy blocks (a style, a script, a connection) fails the journey.
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors:\n${errors.join("\n")}`);
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's violations of impact serious or critical on the current screen. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, not added as a <script>: the site's CSP refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export const describeViolations = (vs: AxeViolation[]) => vs.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n");

/**
 * A full-page shot from the top (sticky header and bars then sit where they belong), or with
 * `{ viewport: true }` what the learner sees right now.
 */
export async function screenshot(page: Page, name: string, opts: { viewport?: boolean } = {}): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Fonts load by unicode-range; the shot waits for them so Arabic never shows in a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  if (!opts.viewport) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: !opts.viewport });
}

/** One element (a question card, say) on its own. */
export async function elementShot(locator: Locator, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Resolves with the next /graphql response of the named operation. */
export function graphqlResponse(page: Page, operation: string): Promise<Response> {
  return page.waitForResponse((r) => r.url().endsWith("/graphql") && (r.request().postData() ?? "").includes(`"operationName":"${operation}"`), GUARD);
}

/**
 * Scrolls each element to the middle of the screen as a reader would, waiting after each for two animation
 * frames: intersection observers are updated once per rendered frame, so elements scrolled past between two
 * frames (a busy machine skips frames) would never count as seen.
 */
export async function readThrough(elements: Locator[]): Promise<void> {
  for (const el of elements) {
    await el.evaluate(
      (e) =>
        new Promise<void>((done) => {
          e.scrollIntoView({ block: "center" });
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
    );
  }
}

/** Every screen of a journey: no serious or critical accessibility violation, and a full-page screenshot. */
export async function screen(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  await screenshot(page, name);
}
