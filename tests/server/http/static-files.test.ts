/**
 * The built client's files (issue 14, point 4): precompressed .br/.gz copies chosen by Accept-Encoding (br,
 * gzip, identity, q-values, `*`), `Vary: Accept-Encoding` and the right Content-Encoding and Content-Length,
 * cache headers (hashed assets immutable, index.html and the service worker no-cache), and the plain file
 * when a precompressed copy is missing.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEncoding, parseAcceptEncoding } from "../../../server/src/http/content-encoding.js";
import type { TestServer } from "../../helpers/test-server.js";
import { startTestServer } from "../../helpers/test-server.js";

const INDEX = `<!doctype html><title>client</title>${"<p>lesson</p>".repeat(200)}`;
const APP_JS = `export const text = ${JSON.stringify("درس ".repeat(500))};\n`;
const ONLY_GZ_CSS = `body { color: red; }\n`.repeat(100);
const PLAIN_SVG = `<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`;

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), "client-dist-"));
  await mkdir(path.join(clientDir, "assets"));
  const both = async (rel: string, text: string) => {
    await writeFile(path.join(clientDir, rel), text);
    await writeFile(path.join(clientDir, `${rel}.br`), brotliCompressSync(text));
    await writeFile(path.join(clientDir, `${rel}.gz`), gzipSync(text));
  };
  await both("index.html", INDEX);
  await both("assets/app-Ab12Cd34.js", APP_JS);
  await both("sw.js", APP_JS);
  // Only a gzip copy, and a file with no copy at all: the server must not invent one.
  await writeFile(path.join(clientDir, "assets/only-gz-Ef56.css"), ONLY_GZ_CSS);
  await writeFile(path.join(clientDir, "assets/only-gz-Ef56.css.gz"), gzipSync(ONLY_GZ_CSS));
  await writeFile(path.join(clientDir, "icon.svg"), PLAIN_SVG);
  await writeFile(path.join(clientDir, "assets/font-Gh78.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]));
  server = await startTestServer({ production: true, clientDir });
});
afterAll(async () => {
  await server?.stop();
  await rm(clientDir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET (or HEAD) with exactly the given Accept-Encoding, the body as sent on the wire (fetch would decode it). */
function get(pathname: string, acceptEncoding?: string, method = "GET"): Promise<Raw> {
  const url = new URL(pathname, server.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const decode = (r: Raw) =>
  (r.headers["content-encoding"] === "br" ? brotliDecompressSync(r.body) : r.headers["content-encoding"] === "gzip" ? gunzipSync(r.body) : r.body).toString("utf8");

describe("chooseEncoding", () => {
  const both = ["br", "gzip"] as const;
  it.each([
    ["gzip, deflate, br, zstd", both, "br"],
    ["gzip, deflate", both, "gzip"],
    ["br;q=0.5, gzip;q=0.9", both, "gzip"],
    ["br;q=1.0, gzip;q=1", both, "br"],
    ["BR;Q=0.7, GZIP;q=0.2", both, "br"],
    ["br;q=0, gzip;q=0", both, "identity"],
    ["identity", both, "identity"],
    ["identity;q=1, gzip;q=0.5", both, "identity"],
    ["*", both, "br"],
    ["*;q=0.5, br;q=0", both, "gzip"],
    ["x-gzip", both, "gzip"],
    ["br", ["gzip"], "identity"],
    ["br, gzip;q=0.1", ["gzip"], "gzip"],
    ["gzip;q=nonsense, br;q=2", both, "identity"],
    ["", both, "identity"],
    [undefined, both, "identity"],
  ] as const)("Accept-Encoding %j with %j → %s", (header, available, expected) => {
    expect(chooseEncoding(header, available)).toBe(expected);
  });

  it("reads q-values and lower-cases codings", () => {
    expect([...parseAcceptEncoding("gzip;q=0.8, Br , identity;q=0")]).toEqual([
      ["gzip", 0.8],
      ["br", 1],
      ["identity", 0],
    ]);
  });
});

describe("serving the built client", () => {
  it("sends brotli when accepted, gzip when only gzip is, and the plain file otherwise, each with Vary", async () => {
    const br = await get("/assets/app-Ab12Cd34.js", "gzip, deflate, br");
    const gz = await get("/assets/app-Ab12Cd34.js", "gzip;q=1, br;q=0.1");
    const plain = await get("/assets/app-Ab12Cd34.js", "identity");
    const none = await get("/assets/app-Ab12Cd34.js");
    expect([br, gz, plain, none].map((r) => [r.status, r.headers["content-encoding"], r.headers.vary])).toEqual([
      [200, "br", "Accept-Encoding"],
      [200, "gzip", "Accept-Encoding"],
      [200, undefined, "Accept-Encoding"],
      [200, undefined, "Accept-Encoding"],
    ]);
    for (const r of [br, gz, plain, none]) {
      expect(decode(r)).toBe(APP_JS);
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
      expect(r.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    }
    expect(br.body.length).toBeLessThan(gz.body.length);
    expect(gz.body.length).toBeLessThan(plain.body.length);
  });

  it("caches hashed assets for good and revalidates index.html, client routes and the service worker", async () => {
    const asset = await get("/assets/app-Ab12Cd34.js", "br");
    const index = await get("/", "br");
    const route = await get("/lessons/some-lesson", "gzip");
    const sw = await get("/sw.js", "br");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect([index, route, sw].map((r) => r.headers["cache-control"])).toEqual(["no-cache", "no-cache", "no-cache"]);
    // The history fallback is index.html, compressed the same way.
    expect([index.headers["content-encoding"], route.headers["content-encoding"], route.headers.vary]).toEqual(["br", "gzip", "Accept-Encoding"]);
    expect(decode(route)).toBe(INDEX);
  });

  it("falls back to the plain file when the chosen precompressed copy is missing", async () => {
    const css = await get("/assets/only-gz-Ef56.css", "br");
    expect([css.status, css.headers["content-encoding"], css.headers.vary]).toEqual([200, undefined, "Accept-Encoding"]);
    expect(css.body.toString()).toBe(ONLY_GZ_CSS);
    const cssGz = await get("/assets/only-gz-Ef56.css", "br, gzip");
    expect(cssGz.headers["content-encoding"]).toBe("gzip");
    expect(decode(cssGz)).toBe(ONLY_GZ_CSS);
    const svg = await get("/icon.svg", "br, gzip");
    expect([svg.status, svg.headers["content-encoding"], svg.body.toString()]).toEqual([200, undefined, PLAIN_SVG]);
  });

  it("never compresses nor varies already-compressed files (fonts), and answers HEAD with the chosen length", async () => {
    const font = await get("/assets/font-Gh78.woff2", "br, gzip");
    expect([font.status, font.headers["content-encoding"], font.headers.vary, font.headers["content-type"], font.body.length]).toEqual([
      200,
      undefined,
      undefined,
      "font/woff2",
      7,
    ]);
    const head = await get("/assets/app-Ab12Cd34.js", "gzip", "HEAD");
    const full = await get("/assets/app-Ab12Cd34.js", "gzip");
    expect([head.headers["content-encoding"], head.headers["content-length"], head.body.length]).toEqual(["gzip", String(full.body.length), 0]);
  });

  it("does not serve a precompressed copy's name as a plain asset path outside the negotiation", async () => {
    const missing = await get("/assets/missing-Zz99.js", "br");
    expect(missing.status).toBe(404);
  });
});
