/**
 * The node:http request handler: /graphql goes to Apollo (our own small integration, in the shape of
 * Apollo's startStandaloneServer), everything else is the built client with a history fallback, or an
 * information page while no client has been built.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { ApolloServer } from "@apollo/server";
import { HeaderMap } from "@apollo/server";
import { COMPRESSIBLE, chooseEncoding } from "./content-encoding.js";
import type { Coding } from "./content-encoding.js";
import { infoPage } from "./info.page.js";
import type { PublicResponseCache } from "./public-cache.js";
import { readSessionToken } from "./session-cookie.js";
import { allowInlineStyles, setSecurityHeaders, useLandingPagePolicy } from "./security-headers.js";

export interface HandlerOptions<C extends object> {
  apollo: ApolloServer<C>;
  context: (req: IncomingMessage, res: ServerResponse) => Promise<C>;
  /** Directory of the built client (client/dist); served at / when it has an index.html. */
  clientDir?: string;
  /** Largest accepted request body; larger ones get 413 before anything is parsed. */
  maxBodyBytes?: number;
  /** Answers repeated public queries (course, lesson, quiz) from stored bytes. */
  publicCache?: PublicResponseCache;
  /** GET /health: whether the server can do its work (writes committing); 200 when it can, 503 when not. */
  health?: () => { ok: boolean } & Record<string, unknown>;
  /** TRUSTED_PROXIES: whose X-Forwarded-Proto is believed when deciding on Strict-Transport-Security. */
  trustedProxies?: ReadonlySet<string>;
  /** Further routes (LTI: http/lti.routes.ts), tried before the client; each answers true when it took the request. */
  routes?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `Request body larger than ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
};

function sendJsonError(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST" } }] }));
}

async function handleGraphQL<C extends object>(opts: HandlerOptions<C>, req: IncomingMessage, res: ServerResponse, url: URL) {
  const method = (req.method ?? "GET").toUpperCase();
  // A malformed session cookie is refused on every request, even one the public cache could answer.
  try {
    readSessionToken(req);
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
  let body: unknown = undefined;
  let cacheKey: string | undefined;
  if (method === "POST") {
    const raw = await readBody(req, opts.maxBodyBytes ?? 100_000);
    const type = String(req.headers["content-type"] ?? "");
    if (type.includes("application/json")) {
      // The same body text as an earlier public query: served without parsing it again.
      const known = opts.publicCache?.knownKey(raw);
      const early = known === undefined ? undefined : opts.publicCache!.get(known);
      if (early) {
        res.statusCode = early.status;
        for (const [k, v] of early.headers) res.setHeader(k, v);
        res.end(early.body);
        return;
      }
      try {
        body = raw.length ? JSON.parse(raw) : undefined;
      } catch {
        throw new HttpError(400, "Request body is not valid JSON");
      }
      cacheKey = opts.publicCache?.key(body, raw);
      const hit = cacheKey === undefined ? undefined : opts.publicCache!.get(cacheKey);
      if (hit) {
        res.statusCode = hit.status;
        for (const [k, v] of hit.headers) res.setHeader(k, v);
        res.end(hit.body);
        return;
      }
    } else {
      body = raw;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const response = await opts.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: url.search, body },
    context: () => opts.context(req, res),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.headers.get("content-type")?.startsWith("text/html")) useLandingPagePolicy(res);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === "complete") {
    if (cacheKey !== undefined && !res.hasHeader("set-cookie")) {
      opts.publicCache!.offer(cacheKey, { status: res.statusCode, headers: [...response.headers], body: response.body.string });
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** For load balancers and operators: never cached, JSON, 503 while writes fail. */
async function serveHealth(health: NonNullable<HandlerOptions<object>["health"]>, res: ServerResponse): Promise<void> {
  const report = health();
  res.statusCode = report.ok ? 200 : 503;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.end(JSON.stringify(report));
}

async function serveClient(clientDir: string | undefined, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    res.statusCode = 405;
    res.setHeader("allow", "GET, HEAD");
    res.end();
    return;
  }
  const index = clientDir ? path.join(clientDir, "index.html") : undefined;
  if (!clientDir || !index || !(await stat(index).catch(() => null))) {
    res.statusCode = url.pathname === "/" ? 200 : 404;
    res.setHeader("content-type", "text/html; charset=utf-8");
    const page = infoPage();
    allowInlineStyles(res, page);
    res.end(page);
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, "Malformed percent-encoding in the URL path");
  }
  let file = path.normalize(path.join(clientDir, decoded));
  if (!file.startsWith(path.resolve(clientDir))) file = index;
  // Dot-folders (Vite's .vite/manifest.json) are build metadata, not part of the site.
  if (url.pathname.split("/").some((segment) => segment.startsWith("."))) {
    res.statusCode = 404;
    res.end("Not found");
    return;
  }
  const info = await stat(file).catch(() => null);
  // History fallback: a client route (no file extension) gets index.html; a missing asset is a real 404.
  if (!info || info.isDirectory()) {
    if (path.extname(url.pathname)) {
      res.statusCode = 404;
      res.end("Not found");
      return;
    }
    file = index;
  }
  const ext = path.extname(file);
  res.statusCode = 200;
  res.setHeader("content-type", MIME[ext] ?? "application/octet-stream");
  // Vite puts content hashes in asset names, so they can be cached for good; index.html, the service worker
  // and the web manifest must not be (the service worker's own precache keeps the app offline).
  res.setHeader("cache-control", file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
  // Text files have .br and .gz copies made at build time; a missing copy falls back to the plain file.
  let body = file;
  let size = info && !info.isDirectory() ? info.size : (await stat(file)).size;
  if (COMPRESSIBLE.has(ext)) {
    res.setHeader("vary", "Accept-Encoding");
    const copies = await Promise.all(
      (["br", "gzip"] as Coding[]).map(async (coding) => ({ coding, info: await stat(`${file}.${coding === "br" ? "br" : "gz"}`).catch(() => null) })),
    );
    const available = copies.filter((c) => c.info?.isFile());
    const chosen = chooseEncoding(req.headers["accept-encoding"], available.map((c) => c.coding));
    const copy = available.find((c) => c.coding === chosen);
    if (copy) {
      res.setHeader("content-encoding", chosen);
      body = `${file}.${chosen === "br" ? "br" : "gz"}`;
      size = copy.info!.size;
    }
  }
  res.setHeader("content-length", size);
  if (method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(body).pipe(res);
}

export function createRequestHandler<C extends object>(opts: HandlerOptions<C>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(req, res, opts.trustedProxies ?? new Set());
    const url = new URL(req.url ?? "/", "http://localhost");
    const work =
      url.pathname === "/graphql"
        ? handleGraphQL(opts, req, res, url)
        : url.pathname === "/health" && opts.health
          ? serveHealth(opts.health, res)
          : opts.routes
            ? opts.routes(req, res, url).then((done) => (done ? undefined : serveClient(opts.clientDir, req, res, url)))
            : serveClient(opts.clientDir, req, res, url);
    work.catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) sendJsonError(res, err.status, err.message);
      else {
        console.error("request failed", err);
        sendJsonError(res, 500, "Internal server error");
      }
    });
  };
}
