import { type Kysely, sql } from 'kysely';
import type { Dialect } from './connect.js';
import type { Tables } from './schema.js';

/** A column written in bulk, with its PostgreSQL type for the array it travels in. */
export interface BulkColumn {
  name: string;
  pg: 'bigint' | 'integer' | 'text';
}

export interface BulkWrite {
  table: keyof Tables & string;
  columns: readonly BulkColumn[];
  rows: readonly Record<string, unknown>[];
  /** ON CONFLICT target and the columns a conflicting row takes from the new one. */
  conflict?: {
    target: readonly string[];
    update: readonly string[];
    constant?: Readonly<Record<string, number>>;
  };
  returning?: readonly string[];
}

/** SQLite's limit is 32,766 parameters a statement: 25 columns x 1,000 rows stays under it. */
const SQLITE_ROWS = 1000;

/**
 * Inserts (or upserts) many rows. PostgreSQL gets one statement whose every column is a single
 * array parameter (`unnest`): planning 25 parameters instead of 25 x 500 is what makes 100,000
 * findings a few seconds. SQLite gets multi-row VALUES statements, which are cheap in-process.
 */
export async function bulkWrite<R = Record<string, unknown>>(
  db: Kysely<Tables>,
  dialect: Dialect,
  w: BulkWrite,
): Promise<R[]> {
  if (w.rows.length === 0) return [];
  if (dialect === 'postgres')
    return (
      await sql<R>`${sql.raw(insertHead(w))} SELECT * FROM unnest(${sql.join(arrays(w))}) ${sql.raw(tail(w))}`.execute(
        db,
      )
    ).rows;
  const out: R[] = [];
  for (let i = 0; i < w.rows.length; i += SQLITE_ROWS) {
    const rows = w.rows.slice(i, i + SQLITE_ROWS);
    const values = sql.join(rows.map((r) => sql`(${sql.join(w.columns.map((c) => r[c.name] ?? null))})`));
    out.push(
      ...(await sql<R>`${sql.raw(insertHead(w))} VALUES ${values} ${sql.raw(tail(w))}`.execute(db)).rows,
    );
  }
  return out;
}

function arrays(w: BulkWrite) {
  return w.columns.map((c) => sql`${w.rows.map((r) => r[c.name] ?? null)}::${sql.raw(c.pg)}[]`);
}

const quote = (name: string) => `"${name}"`;

function insertHead(w: BulkWrite): string {
  return `INSERT INTO ${quote(w.table)} (${w.columns.map((c) => quote(c.name)).join(', ')})`;
}

function tail(w: BulkWrite): string {
  let out = '';
  if (w.conflict) {
    const sets = [
      ...w.conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`),
      ...Object.entries(w.conflict.constant ?? {}).map(([c, v]) => `${quote(c)} = ${Number(v)}`),
    ];
    const target = w.conflict.target.map(quote).join(', ');
    out += sets.length
      ? ` ON CONFLICT (${target}) DO UPDATE SET ${sets.join(', ')}`
      : ` ON CONFLICT (${target}) DO NOTHING`;
  }
  if (w.returning?.length) out += ` RETURNING ${w.returning.map(quote).join(', ')}`;
  return out;
}
