/**
 * The bench's curves (issue 20, point 3): the class-size curve (dashboard and item statistics p95 for classes
 * of 100, 1,000 and 10,000 learners) and the connection curve (durable submissions per second, p99 and server
 * RSS at 10, 50 and 200 connections), as they sit in latest*.json, and their SVG plots in bench/results/,
 * one line per engine whose result file has the curve (bench/lib/svg-chart.ts).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { BenchResult, Engine } from "./report.js";
import { engineName } from "./report.js";
import { lineChart } from "./svg-chart.js";
import type { Series } from "./svg-chart.js";

/** One class size of the class-size curve (runs.dashboards.curve). */
export interface DashboardPoint {
  classSize: number;
  dashboard: { p50: number; p95: number };
  itemStats: { p50: number; p95: number };
  statements: { dashboard: number; itemStats: number };
}

/** One step of the connection curve (runs.submissions.curve). */
export interface ConnectionPoint {
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server resident memory at the end of the step, and its peak so far (VmRSS, VmHWM). */
  rssMiB: number;
  peakRssMiB: number;
}

/** The SVG files, relative to bench/results/, in the order the README shows them. */
export const CURVE_FILES = {
  classSize: "curve-class-size.svg",
  throughput: "curve-connections-throughput.svg",
  p99: "curve-connections-p99.svg",
  rss: "curve-connections-rss.svg",
} as const;

const ENGINE_COLOR: Record<Engine, string> = { sqlite: "#1f77b4", postgres: "#d62728" };

const dashboardCurve = (r: BenchResult | undefined): DashboardPoint[] => ((r?.runs.dashboards as { curve?: DashboardPoint[] } | undefined)?.curve ?? []);
const connectionCurve = (r: BenchResult | undefined): ConnectionPoint[] => ((r?.runs.submissions as { curve?: ConnectionPoint[] } | undefined)?.curve ?? []);
const learnersIn = (r: BenchResult | undefined) => (r?.runs.dashboards as { learners?: number } | undefined)?.learners;

/** The four charts as { file name: SVG text }, from whichever of the two results exist. */
export function curveCharts(results: Partial<Record<Engine, BenchResult>>): Record<string, string> {
  const engines = (["sqlite", "postgres"] as const).filter((e) => results[e]);
  const perEngine = (points: (e: Engine) => { x: number; y: number }[], suffix = "", dashed = false): Series[] =>
    engines.map((e) => ({ name: `${engineName(e)}${suffix}`, color: ENGINE_COLOR[e], dashed, points: points(e) })).filter((s) => s.points.length > 0);
  const sizes = engines
    .map((e) => learnersIn(results[e]))
    .filter((n): n is number => n !== undefined)
    .map((n) => n.toLocaleString("en"));
  const connections = (k: "rps" | "p99" | "rssMiB") => (e: Engine) => connectionCurve(results[e]).map((p) => ({ x: p.connections, y: p[k] }));
  return {
    [CURVE_FILES.classSize]: lineChart({
      title: `Class dashboard and item statistics p95 by class size${sizes.length ? ` (database of ${[...new Set(sizes)].join(" / ")} learners)` : ""}`,
      xLabel: "learners in the class",
      yLabel: "p95 (ms)",
      xScale: "log",
      limit: { y: 100, label: "target ≤ 100 ms" },
      series: [
        ...perEngine((e) => dashboardCurve(results[e]).map((p) => ({ x: p.classSize, y: p.dashboard.p95 })), " dashboard"),
        ...perEngine((e) => dashboardCurve(results[e]).map((p) => ({ x: p.classSize, y: p.itemStats.p95 })), " item statistics", true),
      ],
    }),
    [CURVE_FILES.throughput]: lineChart({
      title: "Durable answer submissions per second by connections",
      xLabel: "connections",
      yLabel: "answers per second",
      xScale: "log",
      series: perEngine(connections("rps")),
    }),
    [CURVE_FILES.p99]: lineChart({
      title: "Submission p99 by connections",
      xLabel: "connections",
      yLabel: "p99 (ms)",
      xScale: "log",
      series: perEngine(connections("p99")),
    }),
    [CURVE_FILES.rss]: lineChart({
      title: "Server RSS after each step of the submission load",
      xLabel: "connections",
      yLabel: "RSS (MiB)",
      xScale: "log",
      limit: { y: 256, label: "peak target at 50 connections ≤ 256 MiB" },
      series: perEngine(connections("rssMiB")),
    }),
  };
}

/** Writes the charts next to latest*.json; returns the paths written. */
export async function writeCurveCharts(resultsDir: string, results: Partial<Record<Engine, BenchResult>>): Promise<string[]> {
  const written: string[] = [];
  for (const [file, svg] of Object.entries(curveCharts(results))) {
    await writeFile(path.join(resultsDir, file), svg);
    written.push(path.join(resultsDir, file));
  }
  return written;
}
