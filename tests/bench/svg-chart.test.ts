/**
 * The bench's hand-written SVG charts (bench/lib/svg-chart.ts) and the curves drawn from latest*.json
 * (bench/lib/curves.ts): axes, ticks, labels, one line per series placed where its values say, one line per
 * engine whose result has the curve.
 */
import { describe, expect, it } from "vitest";
import { curveCharts, CURVE_FILES } from "../../bench/lib/curves.js";
import type { ConnectionPoint, DashboardPoint } from "../../bench/lib/curves.js";
import type { BenchResult } from "../../bench/lib/report.js";
import { escapeXml, formatTick, lineChart, niceStep } from "../../bench/lib/svg-chart.js";
import type { ChartSpec } from "../../bench/lib/svg-chart.js";

/** The text of every element with the given class, in document order. */
const texts = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, "g"))].map((m) => m[1]);
/** Every polyline: its name and its points as numbers. */
const lines = (svg: string) =>
  [...svg.matchAll(/<polyline class="series" data-name="([^"]*)"[^>]*points="([^"]*)"/g)].map((m) => ({
    name: m[1],
    points: m[2].split(" ").map((p) => p.split(",").map(Number) as [number, number]),
  }));
const attr = (svg: string, cls: string, name: string) => Number(new RegExp(`class="${cls}"[^>]*\\b${name}="([^"]+)"`).exec(svg)?.[1]);

const base: ChartSpec = {
  title: "Dashboard p95",
  xLabel: "learners in the class",
  yLabel: "p95 (ms)",
  xScale: "log",
  series: [
    { name: "SQLite", points: [{ x: 100, y: 10 }, { x: 1000, y: 20 }, { x: 10000, y: 40 }] },
    { name: "PostgreSQL", points: [{ x: 10000, y: 80 }, { x: 100, y: 30 }], dashed: true },
  ],
  limit: { y: 100, label: "target ≤ 100 ms" },
};

describe("niceStep and formatTick", () => {
  it.each([
    [100, 20],
    [163, 50],
    [42, 10],
    [7, 2],
    [2500, 500],
    [0, 1],
  ])("the step for a maximum of %d is %d", (max, step) => expect(niceStep(max)).toBe(step));

  it.each([
    [0, "0"],
    [12.345, "12.3"],
    [950, "950"],
    [1000, "1k"],
    [1500, "1.5k"],
    [100000, "100k"],
  ])("%d is written %s", (v, text) => expect(formatTick(v)).toBe(text));
});

describe("lineChart", () => {
  const svg = lineChart(base);
  const plotLeft = attr(svg, "axis y-axis", "x1");
  const plotRight = attr(svg, "axis x-axis", "x2");
  const plotBottom = attr(svg, "axis x-axis", "y1");
  const plotTop = attr(svg, "axis y-axis", "y2");

  it("is one SVG document with its title, axis labels and the target's label", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg).toContain("<title>Dashboard p95</title>");
    expect(texts(svg, "x-label")).toEqual(["learners in the class (log scale)"]);
    expect(texts(svg, "y-label")).toEqual(["p95 (ms)"]);
    expect(texts(svg, "limit-label")).toEqual(["target ≤ 100 ms"]);
  });

  it("has an x axis along the bottom and a y axis along the left of the plot", () => {
    expect(plotLeft).toBeLessThan(plotRight);
    expect(plotTop).toBeLessThan(plotBottom);
    expect(attr(svg, "axis x-axis", "y2")).toBe(plotBottom);
    expect(attr(svg, "axis y-axis", "x2")).toBe(plotLeft);
  });

  it("ticks x at every x value of the data and y from 0 in round steps up to the target", () => {
    expect(texts(svg, "x-tick")).toEqual(["100", "1k", "10k"]);
    expect(texts(svg, "y-tick")).toEqual(["0", "20", "40", "60", "80", "100"]);
  });

  it("draws one line per series, its points from left to right where their values put them", () => {
    const drawn = lines(svg);
    expect(drawn.map((l) => l.name)).toEqual(["SQLite", "PostgreSQL"]);
    const [sqlite, postgres] = drawn;
    expect(sqlite.points.map((p) => p[0])).toEqual([plotLeft, (plotLeft + plotRight) / 2, plotRight]); // log scale: 1k halfway
    const y = (v: number) => plotBottom - (v / 100) * (plotBottom - plotTop);
    expect(sqlite.points.map((p) => p[1])).toEqual([10, 20, 40].map((v) => Math.round(y(v) * 10) / 10));
    expect(postgres.points).toEqual([
      [plotLeft, Math.round(y(30) * 10) / 10],
      [plotRight, Math.round(y(80) * 10) / 10],
    ]);
    expect(svg).toMatch(/data-name="PostgreSQL"[^>]*stroke-dasharray/);
    expect(texts(svg, "legend")).toEqual(["SQLite", "PostgreSQL"]);
  });

  it.each<[string, Partial<ChartSpec>, (svg: string) => void]>([
    ["a linear x scale spaces x by value", { xScale: "linear", series: [{ name: "a", points: [{ x: 10, y: 1 }, { x: 50, y: 2 }, { x: 210, y: 3 }] }] }, (s) => {
      const [l] = lines(s);
      const [left, mid, right] = l.points.map((p) => p[0]);
      expect((mid - left) / (right - left)).toBeCloseTo(0.2, 2);
    }],
    ["no series: the axes and a note that nothing was measured", { series: [] }, (s) => {
      expect(lines(s)).toEqual([]);
      expect(texts(s, "empty")).toEqual(["not measured yet"]);
      expect(s).toContain('class="axis x-axis"');
    }],
    ["a series without points is left out", { series: [{ name: "empty", points: [] }, { name: "full", points: [{ x: 1, y: 1 }] }] }, (s) => {
      expect(lines(s).map((l) => l.name)).toEqual(["full"]);
    }],
    ["names and labels are escaped", { title: "p95 < 100 & more", series: [{ name: 'a "b" <c>', points: [{ x: 1, y: 1 }] }] }, (s) => {
      expect(s).toContain("<title>p95 &lt; 100 &amp; more</title>");
      expect(s).toContain('data-name="a &quot;b&quot; &lt;c&gt;"');
      expect(s).not.toContain("<c>");
    }],
    ["values above the target raise the y axis", { limit: { y: 100, label: "t" }, series: [{ name: "a", points: [{ x: 1, y: 163 }, { x: 2, y: 5 }] }] }, (s) => {
      expect(texts(s, "y-tick").at(-1)).toBe("200");
    }],
  ])("%s", (_, change, check) => check(lineChart({ ...base, ...change })));

  it("gives the same bytes for the same input", () => expect(lineChart(base)).toBe(svg));
  it("escapes the five characters that matter", () => expect(escapeXml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"));
});

describe("curveCharts", () => {
  const dashboardCurve = (p95: number[]): DashboardPoint[] =>
    [100, 1000, 10000].map((classSize, i) => ({ classSize, dashboard: { p50: p95[i] / 2, p95: p95[i] }, itemStats: { p50: 1, p95: 2 }, statements: { dashboard: 9, itemStats: 3 } }));
  const connectionCurve = (rps: number[]): ConnectionPoint[] =>
    [10, 50, 200].map((connections, i) => ({ connections, rps: rps[i], p50: 5, p99: 10 * (i + 1), errors: 0, rssMiB: 120 + i, peakRssMiB: 130 + i }));
  const result = (engine: "sqlite" | "postgres", dash: DashboardPoint[] | undefined, conn: ConnectionPoint[] | undefined): BenchResult => ({
    engine,
    machine: { cpus: 2, memoryGiB: 4, node: "v20", quick: false },
    date: "2026-11-30T00:00:00Z",
    runs: { dashboards: { learners: 10900, ...(dash ? { curve: dash } : {}) }, submissions: conn ? { curve: conn } : {} },
    targets: [],
  });

  it.each<[string, Parameters<typeof curveCharts>[0], string[], string[]]>([
    ["both engines: one line per engine and measure", { sqlite: result("sqlite", dashboardCurve([5, 10, 40]), connectionCurve([800, 1200, 1100])), postgres: result("postgres", dashboardCurve([8, 20, 60]), connectionCurve([500, 900, 850])) }, ["SQLite dashboard", "PostgreSQL dashboard", "SQLite item statistics", "PostgreSQL item statistics"], ["SQLite", "PostgreSQL"]],
    ["SQLite alone", { sqlite: result("sqlite", dashboardCurve([5, 10, 40]), connectionCurve([800, 1200, 1100])) }, ["SQLite dashboard", "SQLite item statistics"], ["SQLite"]],
    ["a PostgreSQL result from before the curves draws no PostgreSQL line", { sqlite: result("sqlite", dashboardCurve([5, 10, 40]), connectionCurve([800, 1200, 1100])), postgres: result("postgres", undefined, undefined) }, ["SQLite dashboard", "SQLite item statistics"], ["SQLite"]],
    ["no results", {}, [], []],
  ])("%s", (_, results, classSizeLines, connectionLines) => {
    const charts = curveCharts(results);
    expect(Object.keys(charts)).toEqual(Object.values(CURVE_FILES));
    expect(lines(charts[CURVE_FILES.classSize]).map((l) => l.name)).toEqual(classSizeLines);
    for (const file of [CURVE_FILES.throughput, CURVE_FILES.p99, CURVE_FILES.rss]) expect(lines(charts[file]).map((l) => l.name)).toEqual(connectionLines);
  });

  it("plots the class sizes and connection counts the results hold, and the targets", () => {
    const charts = curveCharts({ sqlite: result("sqlite", dashboardCurve([5, 10, 40]), connectionCurve([800, 1200, 1100])) });
    expect(texts(charts[CURVE_FILES.classSize], "x-tick")).toEqual(["100", "1k", "10k"]);
    expect(texts(charts[CURVE_FILES.classSize], "limit-label")).toEqual(["target ≤ 100 ms"]);
    expect(charts[CURVE_FILES.classSize]).toContain("database of 10,900 learners");
    expect(texts(charts[CURVE_FILES.throughput], "x-tick")).toEqual(["10", "50", "200"]);
    expect(texts(charts[CURVE_FILES.throughput], "y-tick").at(-1)).toBe("1.5k"); // 1,200 ÷ 5 → steps of 500
    expect(texts(charts[CURVE_FILES.rss], "limit-label")[0]).toContain("256 MiB");
  });
});
