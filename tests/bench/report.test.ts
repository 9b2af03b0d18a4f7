/**
 * The README's table of both engines (bench/lib/report.ts): one target column, which names PostgreSQL's
 * target beside SQLite's where the two differ (issue 20 sets different answer targets per engine).
 */
import { describe, expect, it } from "vitest";
import { renderComparison } from "../../bench/lib/report.js";
import type { BenchResult, Target } from "../../bench/lib/report.js";

const run = (engine: "sqlite" | "postgres", targets: Target[]): BenchResult => ({
  engine,
  machine: { cpus: 2, memoryGiB: 24, node: "v20.20.2", quick: false },
  date: "2026-12-01T07:00:00.000Z",
  runs: {},
  targets,
});
const t = (name: string, value: number, target: string, met: boolean | null): Target => ({ name, value, unit: "ms", target, met });

describe("the README's comparison of the engines", () => {
  const table = renderComparison(
    run("sqlite", [t("submission p99", 32, "<= 30", false), t("cold start", 0.9, "<= 1.5", true), t("raw", 1, "—", null)]),
    run("postgres", [t("submission p99", 55, "<= 60", true), t("cold start", 1.2, "<= 1.5", true)]),
  );
  const row = (name: string) => table.split("\n").find((l) => l.startsWith(`| ${name} |`));

  it("should show each engine's target where they differ, and one target where they agree", () => {
    expect(row("submission p99")).toBe("| submission p99 | <= 30 ms (PostgreSQL <= 60) | 32 ms (**missed**) | 55 ms |");
    expect(row("cold start")).toBe("| cold start | <= 1.5 ms | 0.9 ms | 1.2 ms |");
  });

  it("should mark a figure measured on one engine only with — under the other", () => {
    expect(row("raw")).toBe("| raw | — | 1 ms | — |");
  });
});
