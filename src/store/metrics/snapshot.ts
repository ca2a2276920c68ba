import { type Kysely, sql } from 'kysely';
import type { Store } from '../connect.js';
import { DAILY_TABLES } from '../migrations/009-metric-snapshots.js';
import type { Tables } from '../schema.js';
import { num } from './scope.js';
import { dayOf, dayStart } from './snapshot-days.js';
import { openState, refreshOpen } from './snapshot-open.js';
import { dropExpired, ensurePartitions } from './snapshot-partitions.js';
import { type OpenCounts, openAt, writeDay } from './snapshot-write.js';

/**
 * How long after midnight UTC a day counts as complete: an upload or triage that began before
 * midnight has committed by then, so the snapshot sees it.
 */
export const SETTLE_MS = 15 * 60_000;
/** How often the open backlog is taken whole rather than refreshed by what changed. */
const RETAKE_MS = 7 * 86_400_000;
/** Months of partitions made ahead of the days being written. */
const AHEAD_DAYS = 31;
/** The advisory-lock class of the snapshot job ("snap" in ASCII): one run at a time. */
const SNAPSHOT_LOCK = 0x736e_6170;

export interface SnapshotOptions {
  now: number;
  /** Days of snapshots kept; days before are dropped and no longer caught up. */
  retentionDays: number;
}

export interface SnapshotRun {
  /** The days written, oldest first. */
  days: number[];
  /** Whether the open backlog tables were taken again. */
  openRebuilt: boolean;
  /** Partitions dropped (PostgreSQL) or rows deleted (SQLite) by retention. */
  expired: number;
  /** Another run held the lock: this one did nothing. */
  skipped?: boolean;
}

/**
 * Snapshots every complete UTC day within the retention that is not snapshotted yet (after
 * downtime, all the missed days), each in one transaction that replaces the day; retakes the
 * open backlog once a day; drops snapshots older than the retention.
 */
export async function takeSnapshots(store: Store, o: SnapshotOptions): Promise<SnapshotRun> {
  if (store.dialect !== 'postgres') return run(store.db, store, o);
  return store.db.connection().execute(async (db) => {
    const { rows } = await sql<{
      got: boolean;
    }>`SELECT pg_try_advisory_lock(${SNAPSHOT_LOCK}) AS got`.execute(db);
    if (!rows[0]?.got) return { days: [], openRebuilt: false, expired: 0, skipped: true };
    try {
      return await run(db, store, o);
    } finally {
      await sql`SELECT pg_advisory_unlock(${SNAPSHOT_LOCK})`.execute(db);
    }
  });
}

async function run(db: Kysely<Tables>, store: Store, o: SnapshotOptions): Promise<SnapshotRun> {
  const last = dayOf(o.now - SETTLE_MS) - 1;
  const keepFrom = dayOf(o.now) - o.retentionDays;
  const days = await missingDays(db, Math.max(keepFrom, (await firstDataDay(db)) ?? last + 1), last);
  if (days.length) await ensurePartitions(db, store.dialect, days[0]!, last + AHEAD_DAYS);
  let counts: OpenCounts | undefined;
  for (const [i, day] of days.entries()) {
    // The unresolved counts are carried from day to day; after a gap they are counted afresh.
    if (!counts || days[i - 1] !== day - 1) counts = await openAt(db, dayStart(day));
    const open = counts;
    await db.transaction().execute((trx) => writeDay(trx, store.dialect, day, open, o.now));
  }
  const open = await openState(db);
  const openRebuilt = open === undefined || open.cutoff < dayStart(last + 1);
  // Refreshed by what changed once a day; taken whole once a week, so nothing missed lasts.
  const whole = open === undefined || open.taken < o.now - RETAKE_MS;
  if (openRebuilt)
    await db
      .transaction()
      .execute((trx) => refreshOpen(trx, o.now - SETTLE_MS, whole ? undefined : open.cutoff));
  if (store.dialect === 'postgres') await refreshStatistics(db, days.length > 0, openRebuilt);
  const expired = await dropExpired(db, store.dialect, keepFrom);
  return { days, openRebuilt, expired };
}

/**
 * Fresh planner statistics for what was just written, and the open backlog's visibility map, so
 * its covering indexes answer without the table: the job does not wait for autovacuum (which may
 * be off, or late after a large catch-up).
 */
async function refreshStatistics(db: Kysely<Tables>, days: boolean, open: boolean): Promise<void> {
  if (days) await sql.raw(`ANALYZE ${DAILY_TABLES.join(', ')}, metric_snapshot_days`).execute(db);
  if (open) await sql`VACUUM (ANALYZE) metric_open_findings, metric_open_days`.execute(db);
}

/** The first day anything happened: before it there is nothing to snapshot. */
async function firstDataDay(db: Kysely<Tables>): Promise<number | undefined> {
  const [f, s] = await Promise.all([
    db
      .selectFrom('findings')
      .select((eb) => eb.fn.min('first_seen_at').as('t'))
      .executeTakeFirst(),
    db
      .selectFrom('scans')
      .select((eb) => eb.fn.min('received_at').as('t'))
      .executeTakeFirst(),
  ]);
  const times = [f?.t, s?.t].filter((t) => t !== null && t !== undefined).map(num);
  return times.length ? dayOf(Math.min(...times)) : undefined;
}

async function missingDays(db: Kysely<Tables>, first: number, last: number): Promise<number[]> {
  if (first > last) return [];
  const done = await db
    .selectFrom('metric_snapshot_days')
    .select('day')
    .where('day', '>=', first)
    .where('day', '<=', last)
    .execute();
  const taken = new Set(done.map((r) => num(r.day)));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((d) => !taken.has(d));
}
