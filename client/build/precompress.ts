/**
 * Build-time compression (issue 14, point 4): after Vite (and the service worker's build) have written
 * client/dist, every text file (JS, CSS, HTML, SVG, JSON, the web manifest) gets a brotli copy (`.br`, quality
 * 11) and a gzip copy (`.gz`, level 9) beside it, each kept only when smaller than the file. The server picks
 * one by Accept-Encoding (server/src/http/content-encoding.ts), so nothing is compressed per request. Plain
 * node:zlib: no plugin needed for two codecs Node ships. Fonts (woff2) and PNGs are already compressed.
 */
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** The extensions the server negotiates for (its COMPRESSIBLE set). */
export const PRECOMPRESSED = /\.(html|js|css|json|svg|webmanifest|txt|map)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Writes .br and .gz copies of the text files under `dir`; returns the bytes before and after, per coding. */
export function precompressDir(dir: string): { files: number; plain: number; br: number; gzip: number } {
  const total = { files: 0, plain: 0, br: 0, gzip: 0 };
  for (const file of filesUnder(dir)) {
    // Build metadata (.vite/manifest.json) is never served; stale copies from an earlier build are replaced.
    if (file.includes(`${path.sep}.vite${path.sep}`) || !PRECOMPRESSED.test(file)) continue;
    const plain = readFileSync(file);
    const br = brotliCompressSync(plain, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
    });
    const gz = gzipSync(plain, { level: 9 });
    total.files++;
    total.plain += plain.length;
    for (const [ext, bytes] of [
      [".br", br],
      [".gz", gz],
    ] as const) {
      if (bytes.length < plain.length) writeFileSync(file + ext, bytes);
      else if (statSync(file + ext, { throwIfNoEntry: false })) unlinkSync(file + ext);
    }
    total.br += Math.min(br.length, plain.length);
    total.gzip += Math.min(gz.length, plain.length);
  }
  return total;
}

/** Runs last, once everything (the service worker too) is in the output directory. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "precompress",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      handler() {
        const t = precompressDir(outDir);
        const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
        this.info?.(`precompressed ${t.files} files: ${kb(t.plain)} plain, ${kb(t.gzip)} gzip, ${kb(t.br)} brotli`);
      },
    },
  };
}
