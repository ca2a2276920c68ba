import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import { DAILY_TABLES } from '../migrations/009-metric-snapshots.js';
import type { Tables } from '../schema.js';
import { dayOf, dayStart } from './snapshot-days.js';

/**
 * The daily snapshot tables are partitioned by month on PostgreSQL: a 90-day window reads four
 * partitions, two years of retention keep about 25 per table (per-day partitions would be 730,
 * and every query would plan over them), and retention drops a month with one DROP TABLE
 * instead of deleting its rows. SQLite has no partitions: retention deletes rows there.
 */

/** Months are numbered year * 12 + month (0-based), in UTC. */
const monthOf = (day: number): number => {
  const d = new Date(dayStart(day));
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const monthStartDay = (month: number): number => dayOf(Date.UTC(Math.floor(month / 12), month % 12, 1));
const partitionName = (table: string, month: number): string =>
  `${table}_m${Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
const PARTITION = /_m(\d{4})(\d{2})$/;

async function partitions(db: Kysely<Tables>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname IN (${sql.join(DAILY_TABLES)})`.execute(db);
  return rows.map((r) => r.name);
}

/** Creates the monthly partitions of every daily table from `fromDay`'s month to `toDay`'s. */
export async function ensurePartitions(
  db: Kysely<Tables>,
  dialect: Dialect,
  fromDay: number,
  toDay: number,
): Promise<void> {
  if (dialect !== 'postgres') return;
  const existing = new Set(await partitions(db));
  for (let m = monthOf(fromDay); m <= monthOf(toDay); m++)
    for (const table of DAILY_TABLES) {
      const name = partitionName(table, m);
      if (existing.has(name)) continue;
      await sql
        .raw(
          `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table}
           FOR VALUES FROM (${monthStartDay(m)}) TO (${monthStartDay(m + 1)})`,
        )
        .execute(db);
    }
}

/**
 * Drops the snapshots of days before `keepFrom`: on PostgreSQL every monthly partition that ends
 * by then (a month partly inside the retention stays whole until it has all expired), on SQLite
 * the rows. The days dropped are no longer listed as snapshotted, so metrics compute them live.
 * Returns the number of partitions dropped (PostgreSQL) or rows deleted (SQLite).
 */
export async function dropExpired(db: Kysely<Tables>, dialect: Dialect, keepFrom: number): Promise<number> {
  if (dialect !== 'postgres') {
    let deleted = 0;
    for (const table of DAILY_TABLES) {
      const r = await sql`DELETE FROM ${sql.table(table)} WHERE day < ${sql.lit(keepFrom)}`.execute(db);
      deleted += Number(r.numAffectedRows ?? 0);
    }
    await db.deleteFrom('metric_snapshot_days').where('day', '<', keepFrom).execute();
    return deleted;
  }
  let dropped = 0;
  for (const name of await partitions(db)) {
    const m = PARTITION.exec(name);
    if (!m) continue;
    const end = monthStartDay(Number(m[1]) * 12 + Number(m[2]));
    if (end > keepFrom) continue;
    await db.transaction().execute(async (trx) => {
      await sql.raw(`DROP TABLE ${name}`).execute(trx);
      await trx.deleteFrom('metric_snapshot_days').where('day', '<', end).execute();
    });
    dropped++;
  }
  return dropped;
}
