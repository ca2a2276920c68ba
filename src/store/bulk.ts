import { CompiledQuery, type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from './connect.js';
import type { Tables } from './schema.js';

/** A column written in bulk, with its PostgreSQL type (how PostgreSQL reads it from the JSON it travels in). */
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
  };
  returning?: readonly string[];
}

/** SQLite's limit is 32,766 parameters a statement: 27 columns x 1,000 rows stays under it. */
const SQLITE_ROWS = 1000;

/**
 * Inserts (or upserts) many rows, as statements written here rather than built by Kysely: with
 * tens of thousands of values, building and compiling the query cost more than running it.
 * PostgreSQL gets one statement with one parameter, the rows as JSON (`json_to_recordset`): one
 * parameter to plan, not 25 x 2,000, and one native JSON.stringify instead of node-postgres
 * escaping every value of 25 array parameters. SQLite gets multi-row VALUES, cheap in-process.
 */
export async function bulkWrite<R = Record<string, unknown>>(
  db: Kysely<Tables>,
  dialect: Dialect,
  w: BulkWrite,
): Promise<R[]> {
  if (w.rows.length === 0) return [];
  if (dialect === 'postgres') {
    const names = w.columns.map((c) => quote(c.name)).join(', ');
    const types = w.columns.map((c) => `${quote(c.name)} ${c.pg}`).join(', ');
    // Keys are column names; a key that is absent or undefined reads as NULL.
    const rows = JSON.stringify(w.rows);
    const text = `${insertHead(w)} SELECT ${names} FROM json_to_recordset($1::json) AS r(${types})${tail(w)}`;
    return (await db.executeQuery<R>(CompiledQuery.raw(text, [rows]))).rows;
  }
  const out: R[] = [];
  const row = `(${w.columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < w.rows.length; i += SQLITE_ROWS) {
    const rows = w.rows.slice(i, i + SQLITE_ROWS);
    const values: unknown[] = [];
    for (const r of rows) for (const c of w.columns) values.push(r[c.name] ?? null);
    const text = `${insertHead(w)} VALUES ${Array(rows.length).fill(row).join(', ')}${tail(w)}`;
    out.push(...(await db.executeQuery<R>(CompiledQuery.raw(text, values))).rows);
  }
  return out;
}

/**
 * `column IN (values)` with one parameter whatever the number of values: a PostgreSQL array, or
 * a JSON array SQLite unpacks. Thousands of parameters would cost more to bind than to look up.
 * Written as a subquery, so each value is looked up in the column's index: PostgreSQL plans
 * `= ANY(array)` as a filter over every row of the project the other conditions select.
 */
export function inList(
  dialect: Dialect,
  column: string,
  values: readonly (string | number)[],
  pg: BulkColumn['pg'],
): Expression<SqlBool> {
  const ref = sql.ref(column);
  return dialect === 'postgres'
    ? sql<SqlBool>`${ref} IN (SELECT unnest(${values}::${sql.raw(pg)}[]))`
    : sql<SqlBool>`${ref} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

const quote = (name: string) => `"${name}"`;

function insertHead(w: BulkWrite): string {
  return `INSERT INTO ${quote(w.table)} (${w.columns.map((c) => quote(c.name)).join(', ')})`;
}

function tail(w: BulkWrite): string {
  let out = '';
  if (w.conflict) {
    const sets = w.conflict.update.map((c) => `${quote(c)} = excluded.${quote(c)}`);
    const target = w.conflict.target.map(quote).join(', ');
    out += sets.length
      ? ` ON CONFLICT (${target}) DO UPDATE SET ${sets.join(', ')}`
      : ` ON CONFLICT (${target}) DO NOTHING`;
  }
  if (w.returning?.length) out += ` RETURNING ${w.returning.map(quote).join(', ')}`;
  return out;
}
