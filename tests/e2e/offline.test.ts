/**
 * Installable and offline (issue 14, point 4) in real headless Chromium against the real server and the
 * built client: the manifest in the page's language (name, lang, dir, icons), the service worker registered
 * and active, and a lesson read once online then read again offline: Chromium's offline emulation plus every
 * request aborted by a route (the emulation may not stop a service worker's fetches), with proof that the
 * page really had no network. Arabic at 360 px and English at 1280 px; axe clean and photographed both ways.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CLIENT_DIST } from "../../scripts/ensure-client.mjs";
import { realContent, startTestServer } from "../helpers/test-server.js";
import { liveLessons } from "../helpers/course-lookup.js";
import type { TestServer } from "../helpers/test-server.js";
import { GUARD, graphqlResponse, openSession, screen, screenshot } from "./browser.js";

let server: TestServer;
let base: string;
const chromiumPath = inject("chromiumPath");
const LESSON = liveLessons(await realContent())[0].slug; // the first lesson learners are offered

beforeAll(async () => {
  // The real course (content/): the font subsets were made from its characters.
  server = await startTestServer({ clientDir: CLIENT_DIST, content: await realContent() });
  base = server.url.replace(/\/$/, "");
});
afterAll(async () => {
  await server?.stop();
});

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  dir: string;
  start_url: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe.each([
  { locale: "ar", dir: "rtl", viewport: { width: 360, height: 800 }, offlineText: "لا اتصال بالإنترنت" },
  { locale: "en", dir: "ltr", viewport: { width: 1280, height: 900 }, offlineText: "You are offline" },
] as const)("installable and offline in $locale at $viewport.width px", ({ locale, dir, viewport, offlineText }) => {
  it("is installable, and reads a lesson opened once with no network at all", async () => {
    const session = await openSession(chromiumPath, viewport);
    const { context, page } = session;
    try {
      // The interface language is remembered in localStorage; English is chosen before the first load.
      if (locale === "en") await context.addInitScript(() => localStorage.setItem("locale", "en"));
      const lessonRead = graphqlResponse(page, "LessonPage");
      await page.goto(`${base}/lessons/${LESSON}`);
      await lessonRead;
      const title = (await page.locator("h1").first().textContent({ timeout: GUARD.timeout }))?.trim();
      expect(title).toBeTruthy();
      const lessonText = async () => (await page.locator(`main [data-testid="lesson-${LESSON}"]`).textContent({ timeout: GUARD.timeout })) ?? "";
      await expect.poll(async () => (await lessonText()).length, GUARD).toBeGreaterThan(1000);
      // Every part of the page loaded (the lesson's actor map comes with a query of its own).
      await page.waitForLoadState("networkidle");
      const online = await lessonText();
      expect(await page.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`)).toBe(`${locale} ${dir}`);

      // Installable: a manifest in the page's language with the icons Chromium asks for, and an active worker.
      const href = await page.locator('link[rel="manifest"]').getAttribute("href");
      expect(href).toBe(`/manifest.${locale}.webmanifest`);
      const manifest = (await page.evaluate(async (h) => (await fetch(h)).json(), href!)) as Manifest;
      expect([manifest.lang, manifest.dir, manifest.start_url, manifest.display]).toEqual([locale, dir, "/", "standalone"]);
      expect(manifest.name.length).toBeGreaterThan(0);
      expect(manifest.short_name.length).toBeGreaterThan(0);
      expect(manifest.icons.filter((i) => i.type === "image/png").map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
      for (const icon of manifest.icons) expect(await page.evaluate(async (src) => (await fetch(src)).status, icon.src), icon.src).toBe(200);
      // `ready` resolves once the worker is active, that is once its precache (the app shell) is complete.
      const scriptURL = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? null));
      expect(scriptURL).toBe(`${base}/sw.js`);
      await screen(page, `offline-${locale}-${viewport.width}-1-online`);

      // Fonts: the page used only the subsets; a character a learner may type outside them (ڤ, ŵ) loads the
      // whole face declared behind the subset, so it still renders in the course's typeface.
      const fontFiles = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".woff2")));
      const before = await fontFiles();
      expect(before.length).toBeGreaterThan(0);
      expect(before.filter((f) => !f.includes("-subset-"))).toEqual([]);
      const typed = await page.evaluate(async () => {
        const ar = await document.fonts.load("16px 'Noto Naskh Arabic'", "ڤ");
        const en = await document.fonts.load("16px 'Noto Sans'", "ŵ");
        return [ar.length, en.length, document.fonts.check("16px 'Noto Naskh Arabic'", "ڤ"), document.fonts.check("16px 'Noto Sans'", "ŵ")];
      });
      expect(typed).toEqual([1, 1, true, true]);
      const after = await fontFiles();
      expect(after.filter((f) => !f.includes("-subset-")).map((f) => f.replace(/^.*\/assets\/(.*)-[\w-]{8}\.woff2$/, "$1")).sort()).toEqual([
        "noto-naskh-arabic-arabic-400-normal",
        "noto-sans-latin-ext-400-normal",
      ]);

      // The worker leaves /graphql alone: once it controls the page, page.route still sees the page's GraphQL
      // requests (the journeys that simulate a flaky network with page.route rely on it).
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), GUARD).toBe(`${base}/sw.js`);
      await page.route("**/graphql", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"data":{"__typename":"Routed"}}' }));
      const routed = await page.evaluate(() =>
        fetch("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then((r) => r.json()),
      );
      await page.unroute("**/graphql");
      expect(routed).toEqual({ data: { __typename: "Routed" } });

      // Offline: the browser's emulation, and every request that still reaches the network refused.
      const refused: string[] = [];
      await context.setOffline(true);
      await context.route("**/*", (route) => {
        refused.push(route.request().url());
        return route.abort("internetdisconnected");
      });
      try {
        expect(await page.evaluate(() => navigator.onLine)).toBe(false);
        await page.reload();
        await expect.poll(() => page.locator("h1").first().textContent(), GUARD).toBe(title === undefined ? null : ` ${title} `.trim());
        await expect(page.getByTestId("offline-status").textContent()).resolves.toContain(offlineText);
        // The page really had no network: a request of its own fails, and nothing got through.
        const probe = await page.evaluate(() =>
          fetch(`/health?probe=${Date.now()}`, { cache: "no-store" }).then(
            (r) => `reached the server: ${r.status}`,
            () => "failed",
          ),
        );
        expect(probe, `requests the route refused: ${refused.join(", ")}`).toBe("failed");
        expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(`${base}/sw.js`);
        // The lesson's whole text is there, as it was online, and no error.
        await expect.poll(lessonText, GUARD).toBe(online);
        expect(await page.locator("main .alert--error").count()).toBe(0);
        await screen(page, `offline-${locale}-${viewport.width}-2-offline`);
        // What the learner sees first: the indicator under the header, the lesson's title below it.
        await screenshot(page, `offline-${locale}-${viewport.width}-3-offline-top`, { viewport: true });
      } finally {
        await context.unroute("**/*");
        await context.setOffline(false);
      }
      // Back online: the indicator goes by itself (the client asks /health every few seconds while it shows).
      await expect.poll(() => page.getByTestId("offline-status").count(), GUARD).toBe(0);
    } finally {
      await session.close();
    }
  });
});
