/**
 * Build-time font subsetting (issue 14, point 4). The client used whole @fontsource files (Noto Naskh Arabic
 * and Noto Sans, about 317 KB for a lesson); this plugin keeps only the glyphs the course and the interface
 * use: the characters of every file under content/ and of the client's sources (i18n messages and templates),
 * plus printable ASCII, Arabic digits, punctuation and harakat, so a learner's usual typing stays in the subset.
 * Subsetting is HarfBuzz's (`subset-font`, a WebAssembly build of hb-subset, which keeps the Arabic joining
 * forms and ligatures the kept characters need).
 *
 * The generated stylesheet (`import "virtual:subset-fonts.css"` in main.ts) declares, for each family, weight
 * and script, first the whole @fontsource face with its own unicode-range, then the subset with the exact
 * characters it holds. Overlapping ranges are tried last-declared first (CSS Fonts 4, §4.5), so a page of
 * course text downloads only subsets; a character a learner types that is outside the subset makes the browser
 * fetch the whole face for it, and anything no face covers falls to the system fonts at the end of the stacks.
 * Output is cached under node_modules/.cache/subset-fonts by a hash of the characters and the font files.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import subsetFont from "subset-font";
import type { Plugin } from "vite";

const require = createRequire(import.meta.url);
export const VIRTUAL_ID = "virtual:subset-fonts.css";

interface FaceSource {
  family: string;
  pkg: string;
  script: string;
  weights: number[];
}

/** The faces the client uses: what main.ts imported from @fontsource before. */
const FACES: FaceSource[] = [
  { family: "Noto Naskh Arabic", pkg: "@fontsource/noto-naskh-arabic", script: "arabic", weights: [400, 600, 700] },
  { family: "Noto Sans", pkg: "@fontsource/noto-sans", script: "latin", weights: [400, 600, 700] },
  { family: "Noto Sans", pkg: "@fontsource/noto-sans", script: "latin-ext", weights: [400, 600, 700] },
];

/** Always kept: printable ASCII, no-break space, Arabic punctuation, digits, tatweel, harakat, joiners and marks. */
const ALWAYS = [
  [0x20, 0x7e],
  [0xa0, 0xa0],
  [0x60c, 0x60c],
  [0x61b, 0x61b],
  [0x61f, 0x61f],
  [0x640, 0x640],
  [0x64b, 0x652],
  [0x660, 0x66c],
  [0x200c, 0x200f],
  [0x2013, 0x2014],
  [0x2018, 0x201d],
  [0x2026, 0x2026],
] as const;

type Range = [number, number];
const hex = (n: number) => n.toString(16).toUpperCase();

/** "U+0600-06FF,U+200C" → [[0x600, 0x6ff], [0x200c, 0x200c]]. */
export function parseUnicodeRange(text: string): Range[] {
  return text.split(",").map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, "").split("-");
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

/** Sorted code points → "U+41-5A,U+61" (runs merged). */
export function formatUnicodeRange(codePoints: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j] + 1) j++;
    out.push(i === j ? `U+${hex(codePoints[i])}` : `U+${hex(codePoints[i])}-${hex(codePoints[j])}`);
    i = j + 1;
  }
  return out.join(",");
}

function filesUnder(dir: string, exts: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p, exts) : exts.test(name) ? [p] : [];
  });
}

/** Every character the course and the interface show. */
export function collectCodePoints(projectRoot: string): Set<number> {
  const seen = new Set<number>();
  for (const [a, b] of ALWAYS) for (let c = a; c <= b; c++) seen.add(c);
  const files = [
    ...filesUnder(path.join(projectRoot, "content"), /\.(ya?ml|json|txt|md)$/),
    ...filesUnder(path.join(projectRoot, "client", "src"), /\.(json|vue|ts)$/),
    path.join(projectRoot, "client", "index.html"),
  ];
  for (const f of files) for (const ch of readFileSync(f, "utf8")) seen.add(ch.codePointAt(0)!);
  return seen;
}

/** The unicode-range of @fontsource's face for a script and weight, read from its stylesheet. */
function fontsourceRange(pkg: string, script: string, weight: number): Range[] {
  const css = readFileSync(require.resolve(`${pkg}/${weight}.css`), "utf8");
  const block = css.split("@font-face").find((b) => b.includes(`-${script}-${weight}-normal.woff2`));
  const range = block?.match(/unicode-range:\s*([^;]+);/)?.[1];
  if (!range) throw new Error(`no unicode-range for ${pkg} ${script} ${weight}`);
  return parseUnicodeRange(range);
}

const inRanges = (c: number, ranges: Range[]) => ranges.some(([a, b]) => c >= a && c <= b);

export interface SubsetReport {
  file: string;
  family: string;
  weight: number;
  script: string;
  characters: number;
  bytes: number;
  fullBytes: number;
}

/** Writes the subsets and the stylesheet into `outDir`; returns what was made. Skips work already cached. */
export async function buildSubsets(projectRoot: string, outDir: string): Promise<{ css: string; faces: SubsetReport[] }> {
  const codePoints = collectCodePoints(projectRoot);
  const cssFile = path.join(outDir, "fonts.css");
  const reportFile = path.join(outDir, "report.json");
  const sources = FACES.flatMap((f) => f.weights.map((weight) => ({ ...f, weight, file: require.resolve(`${f.pkg}/files/${f.pkg.split("/")[1]}-${f.script}-${weight}-normal.woff2`) })));
  const key = createHash("sha256")
    .update(JSON.stringify([...codePoints].sort((a, b) => a - b)))
    .update(sources.map((s) => `${s.file}:${statSync(s.file).size}`).join("|"))
    .update(readFileSync(new URL(import.meta.url)))
    .digest("hex")
    .slice(0, 16);
  const keyFile = path.join(outDir, "key");
  if (existsSync(keyFile) && readFileSync(keyFile, "utf8") === key && existsSync(cssFile)) {
    return { css: cssFile, faces: JSON.parse(readFileSync(reportFile, "utf8")) };
  }
  mkdirSync(outDir, { recursive: true });
  const whole: string[] = [];
  const subsets: string[] = [];
  const faces: SubsetReport[] = [];
  for (const s of sources) {
    const range = fontsourceRange(s.pkg, s.script, s.weight);
    const kept = [...codePoints].filter((c) => inRanges(c, range)).sort((a, b) => a - b);
    const fallbackUrl = path.relative(outDir, s.file).split(path.sep).join("/");
    const face = (src: string, unicodeRange: string) =>
      `@font-face {\n  font-family: "${s.family}";\n  font-style: normal;\n  font-display: swap;\n  font-weight: ${s.weight};\n  src: url("${src}") format("woff2");\n  unicode-range: ${unicodeRange};\n}\n`;
    whole.push(face(fallbackUrl, range.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(",")));
    if (kept.length === 0) continue;
    const name = `${s.pkg.split("/")[1]}-${s.script}-${s.weight}-subset.woff2`;
    const bytes = await subsetFont(readFileSync(s.file), String.fromCodePoint(...kept), { targetFormat: "woff2" });
    writeFileSync(path.join(outDir, name), bytes);
    subsets.push(face(`./${name}`, formatUnicodeRange(kept)));
    faces.push({ file: name, family: s.family, weight: s.weight, script: s.script, characters: kept.length, bytes: bytes.length, fullBytes: statSync(s.file).size });
  }
  const header = `/* Generated by client/build/subset-fonts.ts: whole faces first (the fallback), subsets last (tried first). */\n`;
  writeFileSync(cssFile, header + whole.join("") + subsets.join(""));
  writeFileSync(reportFile, JSON.stringify(faces, null, 2));
  writeFileSync(keyFile, key);
  return { css: cssFile, faces };
}

/** The Vite plugin: builds the subsets at start, and resolves `virtual:subset-fonts.css` to their stylesheet. */
export function subsetFonts(projectRoot: string): Plugin {
  const outDir = path.join(projectRoot, "node_modules", ".cache", "subset-fonts");
  let css: string | undefined;
  return {
    name: "subset-fonts",
    async buildStart() {
      const built = await buildSubsets(projectRoot, outDir);
      css = built.css;
      const total = built.faces.reduce((s, f) => s + f.bytes, 0);
      const full = built.faces.reduce((s, f) => s + f.fullBytes, 0);
      this.info?.(`fonts: ${built.faces.length} subsets, ${(total / 1024).toFixed(1)} KB (whole faces ${(full / 1024).toFixed(1)} KB)`);
    },
    resolveId(id) {
      if (id === VIRTUAL_ID) return css ?? path.join(outDir, "fonts.css");
      return undefined;
    },
  };
}
