/**
 * The bench row "bytes over the wire for a cold Arabic lesson page at 360 px" (issue 14): the built client
 * served by a production server child, a fresh Chromium profile (Debian's /usr/bin/chromium through
 * playwright-core: no cache, no service worker yet) at 360 × 800 px, the lesson of median size opened in
 * Arabic. Every response the page receives is counted as Chromium reports it: the DevTools protocol's
 * Network.loadingFinished gives each request's encodedDataLength, the bytes received for it, headers and
 * (compressed) body together; fonts and /graphql are responses like any other. The page is done when the
 * lesson's heading shows, the fonts have loaded and the network has been idle for 500 ms.
 *
 * The service worker registers once the page has loaded and then downloads the app shell for offline use in
 * the background; those requests are the worker's, not the page's, so they are reported on their own line
 * (from Playwright's request sizes, the same Chromium numbers) and not in the page's figure.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { Request } from "playwright-core";
import { ensureClient } from "../../scripts/ensure-client.mjs";
import { CHROMIUM_FLAGS, ensureChromium } from "../../tests/e2e/chromium.js";
import { startChild } from "./child.js";

export interface TransferResult {
  url: string;
  viewport: { width: number; height: number };
  /** The page's responses: count and bytes (encodedDataLength: headers and encoded body). */
  requests: number;
  bytes: number;
  /** Per kind (document, script, stylesheet, font, fetch, …), bytes. */
  byType: Record<string, number>;
  /** The largest responses, for reading the figure. */
  largest: { url: string; type: string; bytes: number }[];
  /** The service worker's own background requests (the offline precache). */
  serviceWorker: { requests: number; bytes: number };
}

export async function measureTransfer(root: string, env: Record<string, string>, lessonSlug: string): Promise<TransferResult> {
  ensureClient({ quiet: true });
  const executablePath = ensureChromium();
  const server = await startChild(["--import", "tsx", "server/src/main.ts"], env, root);
  const profile = await mkdtemp(path.join(tmpdir(), "bench-chromium-"));
  const viewport = { width: 360, height: 800 };
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_FLAGS, viewport, locale: "ar", timeout: 30_000 });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const seen = new Map<string, { url: string; type: string }>();
    const finished = new Map<string, number>();
    cdp.on("Network.responseReceived", (e) => seen.set(e.requestId, { url: e.response.url, type: e.type ?? "Other" }));
    cdp.on("Network.loadingFinished", (e) => finished.set(e.requestId, e.encodedDataLength));
    await cdp.send("Network.enable");
    // A cold visit: nothing in the HTTP cache (the profile is new; this makes sure).
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

    const swRequests: Promise<number>[] = [];
    context.on("requestfinished", (req: Request) => {
      if (req.serviceWorker()) swRequests.push(req.sizes().then((s) => s.responseHeadersSize + s.responseBodySize));
    });

    const url = `${server.url}lessons/${encodeURIComponent(lessonSlug)}`;
    await page.goto(url, { waitUntil: "load" });
    await page.locator("h1").first().waitFor({ timeout: 15_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForLoadState("networkidle", { timeout: 15_000 });
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== "ar") throw new Error(`the lesson page opened in "${lang}", not Arabic`);
    // The service worker's precache runs after load; let it finish so its figure is whole.
    await page.evaluate(() => navigator.serviceWorker?.ready.then(() => undefined)).catch(() => undefined);
    await page.waitForLoadState("networkidle", { timeout: 15_000 });

    const rows = [...finished].map(([id, bytes]) => ({ ...(seen.get(id) ?? { url: id, type: "Other" }), bytes }));
    const byType: Record<string, number> = {};
    for (const r of rows) byType[r.type] = (byType[r.type] ?? 0) + r.bytes;
    const sw = await Promise.all(swRequests);
    return {
      url: new URL(url).pathname,
      viewport,
      requests: rows.length,
      bytes: rows.reduce((s, r) => s + r.bytes, 0),
      byType,
      largest: rows
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 8)
        .map((r) => ({ ...r, url: new URL(r.url).pathname })),
      serviceWorker: { requests: sw.length, bytes: sw.reduce((s, b) => s + b, 0) },
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.stop();
  }
}
