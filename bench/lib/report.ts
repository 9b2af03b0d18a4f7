/**
 * The bench's results as Markdown: one run alone (bench/results/latest.md, latest-postgres.md), and the
 * README's table with SQLite and PostgreSQL side by side, rebuilt from both JSON files after either run.
 */
import { readFile, writeFile } from "node:fs/promises";

export type Engine = "sqlite" | "postgres";

export interface Target {
  name: string;
  value: number | null;
  unit: string;
  /** "<= 3", or "—" for a number reported without a target. */
  target: string;
  /** null when there is no target. */
  met: boolean | null;
}

export interface BenchResult {
  engine?: Engine;
  command?: string;
  machine: { cpus: number; cpuModel?: string; memoryGiB: number; node: string; quick: boolean; loadAverageAtStart?: number };
  date: string;
  /** PostgreSQL's version and settings as the server reported them. */
  postgres?: Record<string, string>;
  runs: Record<string, unknown>;
  targets: Target[];
  notes?: string[];
}

const ENGINE_NAME: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };
const RESULT_FILE: Record<Engine, string> = { sqlite: "latest", postgres: "latest-postgres" };
export const resultFile = (engine: Engine) => RESULT_FILE[engine];

const cell = (t: Target | undefined) => (t ? `${t.value ?? "—"} ${t.unit}${t.met === false ? " (**missed**)" : ""}` : "—");
const met = (t: Target) => (t.met === null ? "—" : t.met ? "yes" : "**no**");
const day = (r: BenchResult) => r.date.slice(0, 10);

/** What the PostgreSQL run ran on, in one sentence. */
function postgresSetup(r: BenchResult): string {
  const s = r.postgres ?? {};
  return (
    `PostgreSQL ${s.server_version?.split(" ")[0] ?? "?"}, a throwaway server on the same machine and disk ` +
    `(fsync ${s.fsync}, synchronous_commit ${s.synchronous_commit}, full_page_writes ${s.full_page_writes}: PostgreSQL's defaults; ` +
    `wal_sync_method ${s.wal_sync_method}, shared_buffers ${s.shared_buffers}, work_mem ${s.work_mem}), competing with the server for the cores`
  );
}

function header(r: BenchResult): string {
  const engine = r.engine ?? "sqlite";
  return (
    `Measured ${day(r)} on ${r.machine.cpus} cores (${r.machine.cpuModel}${r.machine.loadAverageAtStart === undefined ? "" : `, load average ${r.machine.loadAverageAtStart} at the start`}), ` +
    `Node ${r.machine.node}, by \`${r.command ?? "npm run bench"}\`` +
    (engine === "postgres" ? `, on ${postgresSetup(r)}.` : ".")
  );
}

/** One run alone. */
export function renderRun(r: BenchResult): string {
  return [
    header(r),
    "",
    "| measure | value | target | met |",
    "| --- | --- | --- | --- |",
    ...r.targets.map((t) => `| ${t.name} | ${t.value ?? "—"} ${t.unit} | ${t.target} | ${met(t)} |`),
    "",
    ...(r.notes ?? []).flatMap((n) => [n, ""]),
  ].join("\n");
}

/** Every measure of both runs once, each run's own order kept: a row only one run has follows its predecessor there. */
function mergedNames(lists: string[][]): string[] {
  const names: string[] = [];
  for (const list of lists)
    list.forEach((name, i) => {
      if (names.includes(name)) return;
      const after = i > 0 ? names.indexOf(list[i - 1]) : -1;
      names.splice(after < 0 ? (i === 0 ? 0 : names.length) : after + 1, 0, name);
    });
  return names;
}

/** Both runs side by side; either may be missing. */
export function renderComparison(sqlite: BenchResult | undefined, postgres: BenchResult | undefined): string {
  const find = (r: BenchResult | undefined, name: string) => r?.targets.find((t) => t.name === name);
  const names = mergedNames([sqlite, postgres].map((r) => (r?.targets ?? []).map((t) => t.name)));
  // One target for both engines, or SQLite's with PostgreSQL's beside it where they differ.
  const targetOf = (name: string) => {
    const [s, p] = [find(sqlite, name), find(postgres, name)].map((x) => (x && x.target !== "—" ? x : undefined));
    if (s && p && s.target !== p.target) return `${s.target} ${s.unit} (PostgreSQL ${p.target})`;
    const t = s ?? p;
    return t ? `${t.target} ${t.unit}` : "—";
  };
  const lines = [
    sqlite ? `SQLite: ${header(sqlite).replace(/^Measured/, "measured")}` : "SQLite: not measured yet (`npm run bench`).",
    "",
    postgres ? `PostgreSQL: ${header(postgres).replace(/^Measured/, "measured")}` : "PostgreSQL: not measured yet (`npm run bench -- --db postgres`).",
    "",
    "| measure | target | SQLite | PostgreSQL |",
    "| --- | --- | --- | --- |",
    ...names.map((name) => `| ${name} | ${targetOf(name)} | ${cell(find(sqlite, name))} | ${cell(find(postgres, name))} |`),
    "",
    "A — under an engine: not measured there (the client bundle is the same build whatever the engine; the other such rows only make sense on PostgreSQL).",
    "",
  ];
  for (const [label, r] of [["SQLite", sqlite], ["PostgreSQL", postgres]] as const) {
    if (!r?.notes?.length) continue;
    lines.push(`${label} run:`, "", ...r.notes.map((n) => `- ${n}`), "");
  }
  return lines.join("\n");
}

export async function readResult(file: string): Promise<BenchResult | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as BenchResult;
  } catch {
    return undefined;
  }
}

/** Replaces the text between `<!-- bench:start -->` and `<!-- bench:end -->`; false when the markers are missing. */
export async function updateReadme(readme: string, block: string): Promise<boolean> {
  const text = await readFile(readme, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return false;
  await writeFile(readme, `${text.slice(0, a + start.length)}\n${block.trimEnd()}\n${text.slice(b)}`);
  return true;
}

export const engineName = (e: Engine) => ENGINE_NAME[e];
