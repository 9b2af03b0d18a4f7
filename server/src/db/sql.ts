/**
 * Raw SQL that runs on SQLite and PostgreSQL alike: write `?` placeholders and camelCase columns in double
 * quotes; this rewrites the placeholders to $1, $2 … for PostgreSQL. `IN (??)` expands an array parameter.
 */
import type { DataSource, EntityManager } from "typeorm";

export type Runner = Pick<DataSource, "query" | "options"> | (Pick<EntityManager, "query"> & { connection: Pick<DataSource, "options"> });

export function isPostgres(r: Runner): boolean {
  const options = "options" in r ? r.options : r.connection.options;
  return options.type === "postgres";
}

export async function sql<T = Record<string, unknown>>(runner: Runner, text: string, params: unknown[] = []): Promise<T[]> {
  const flat: unknown[] = [];
  let i = 0;
  let expanded = text.replace(/\?\?|\?/g, (m) => {
    const p = params[i++];
    if (m === "??") {
      const list = Array.isArray(p) && p.length > 0 ? p : [null];
      flat.push(...list);
      return list.map(() => "?").join(", ");
    }
    flat.push(p);
    return "?";
  });
  if (isPostgres(runner)) {
    let n = 0;
    expanded = expanded.replace(/\?/g, () => `$${++n}`);
  }
  return runner.query(expanded, flat) as Promise<T[]>;
}

/** Numbers come back as strings from PostgreSQL's numeric aggregates; this reads either. */
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
export const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
