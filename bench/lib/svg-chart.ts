/**
 * A line chart as hand-written SVG, for the bench's curves (bench/lib/curves.ts): x on a linear or log scale
 * with a tick at every x the data has, y linear from 0 with round ticks, one polyline with a dot per point for
 * each series, an optional dashed target line, a legend. No dependency; the same input gives the same bytes.
 */

export interface Series {
  name: string;
  points: { x: number; y: number }[];
  /** Drawn dashed (e.g. a second measure of the same engine). */
  dashed?: boolean;
  /** CSS colour; by default the series' place in the palette. */
  color?: string;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  xScale?: "linear" | "log";
  series: Series[];
  /** A horizontal target line (e.g. "≤ 100 ms"). */
  limit?: { y: number; label: string };
  width?: number;
  height?: number;
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];
const MARGIN = { left: 64, right: 16, top: 40, bottom: 48 };

/** Text for SVG: &, < and > escaped, quotes too (the same function serves attributes). */
export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A number written short: at most one decimal, thousands as 1k, 10k, 1.5k. */
export function formatTick(v: number): string {
  if (Math.abs(v) >= 1000) return `${round1(v / 1000)}k`;
  return `${round1(v)}`;
}
const round1 = (v: number) => Math.round(v * 10) / 10;

/** 1, 2 or 5 times a power of ten: the step that gives at most `count` steps from 0 to `max`. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 360;
  const plot = { x0: MARGIN.left, x1: width - MARGIN.right, y0: height - MARGIN.bottom, y1: MARGIN.top };
  const series = spec.series.filter((s) => s.points.length > 0);
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const log = spec.xScale === "log";
  const xv = (x: number) => (log ? Math.log10(x) : x);
  const [xMin, xMax] = xs.length ? [xv(xs[0]), xv(xs[xs.length - 1])] : [0, 1];
  const px = (x: number) => (xMax === xMin ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((xv(x) - xMin) / (xMax - xMin)) * (plot.x1 - plot.x0));
  const yTop = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.y)), spec.limit?.y ?? 0);
  const step = niceStep(yTop);
  const yMax = Math.max(step, Math.ceil(yTop / step) * step);
  const py = (y: number) => plot.y0 - (y / yMax) * (plot.y0 - plot.y1);
  const n = (v: number) => `${Math.round(v * 10) / 10}`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  // Y grid, ticks and labels.
  for (let v = 0; v <= yMax + step / 2; v += step) {
    out.push(`<line class="grid" x1="${plot.x0}" y1="${n(py(v))}" x2="${plot.x1}" y2="${n(py(v))}" stroke="#e5e5e5"/>`);
    out.push(`<text class="y-tick" x="${plot.x0 - 6}" y="${n(py(v) + 4)}" text-anchor="end">${formatTick(v)}</text>`);
  }
  // X ticks at the data's x values.
  for (const x of xs) {
    out.push(`<line x1="${n(px(x))}" y1="${plot.y0}" x2="${n(px(x))}" y2="${plot.y0 + 5}" stroke="#000"/>`);
    out.push(`<text class="x-tick" x="${n(px(x))}" y="${plot.y0 + 18}" text-anchor="middle">${formatTick(x)}</text>`);
  }
  // Axes and their labels.
  out.push(`<line class="axis x-axis" x1="${plot.x0}" y1="${plot.y0}" x2="${plot.x1}" y2="${plot.y0}" stroke="#000"/>`);
  out.push(`<line class="axis y-axis" x1="${plot.x0}" y1="${plot.y0}" x2="${plot.x0}" y2="${plot.y1}" stroke="#000"/>`);
  out.push(`<text class="x-label" x="${(plot.x0 + plot.x1) / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(spec.xLabel)}${log ? " (log scale)" : ""}</text>`);
  out.push(`<text class="y-label" transform="translate(16 ${(plot.y0 + plot.y1) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);
  if (spec.limit) {
    const y = n(py(spec.limit.y));
    out.push(`<line class="limit" x1="${plot.x0}" y1="${y}" x2="${plot.x1}" y2="${y}" stroke="#888" stroke-dasharray="2 3"/>`);
    out.push(`<text class="limit-label" x="${plot.x1 - 4}" y="${n(py(spec.limit.y) - 4)}" text-anchor="end" fill="#666">${escapeXml(spec.limit.label)}</text>`);
  }
  if (!series.length) out.push(`<text class="empty" x="${(plot.x0 + plot.x1) / 2}" y="${(plot.y0 + plot.y1) / 2}" text-anchor="middle" fill="#666">not measured yet</text>`);
  series.forEach((s, i) => {
    const color = s.color ?? PALETTE[spec.series.indexOf(s) % PALETTE.length];
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    out.push(
      `<polyline class="series" data-name="${escapeXml(s.name)}" fill="none" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""} points="${pts.map((p) => `${n(px(p.x))},${n(py(p.y))}`).join(" ")}"/>`,
    );
    for (const p of pts) out.push(`<circle cx="${n(px(p.x))}" cy="${n(py(p.y))}" r="3" fill="${color}"><title>${escapeXml(`${s.name}: ${formatTick(p.x)} → ${round1(p.y)}`)}</title></circle>`);
    // Legend, top left inside the plot, one row per series.
    const ly = plot.y1 + 6 + i * 16;
    out.push(`<line x1="${plot.x0 + 10}" y1="${ly}" x2="${plot.x0 + 34}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    out.push(`<text class="legend" x="${plot.x0 + 40}" y="${ly + 4}">${escapeXml(s.name)}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
