#!/usr/bin/env node
/**
 * Draws the app's icons (client/public/icons) for the web app manifests: the favicon's design (a teal rounded
 * square with a gold sun) as SVG, and as PNG at 192 and 512 px, plus a maskable 512 px one whose sun sits in
 * the safe zone on a full-bleed square. Rasterised here with 4×4 supersampling and encoded with node:zlib, so
 * no image library is needed; run it again after changing the design, and commit the files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "client", "public", "icons");
const TEAL = [0x0f, 0x5c, 0x55];
const GOLD = [0xf2, 0xc4, 0x6d];

/** Colour and coverage of one sample at (x, y) in a 1×1 design space. */
function sample(x, y, maskable) {
  const sun = maskable ? 0.18 : 0.22;
  if ((x - 0.5) ** 2 + (y - 0.5) ** 2 <= sun ** 2) return [...GOLD, 1];
  if (maskable) return [...TEAL, 1];
  const r = 0.25; // corner radius, as the favicon's rx=8 of 32
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r ** 2 ? [...TEAL, 1] : [0, 0, 0, 0];
}

function png(size, maskable) {
  const S = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const [sr, sg, sb, sa] = sample((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, maskable);
          r += sr * sa;
          g += sg * sa;
          b += sb * sa;
          a += sa;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (S * S)) * 255);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, "icon-192.png"), png(192, false));
writeFileSync(path.join(OUT, "icon-512.png"), png(512, false));
writeFileSync(path.join(OUT, "maskable-512.png"), png(512, true));
writeFileSync(
  path.join(OUT, "icon.svg"),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#0f5c55"/><circle cx="16" cy="16" r="7" fill="#f2c46d"/></svg>\n`,
);
console.log(`icons written to ${OUT}`);
