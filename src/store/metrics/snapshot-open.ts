import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Tables } from '../schema.js';
import { DAY_MS, literals, num, OPEN_LIKE } from './scope.js';
import { dayStart } from './snapshot-days.js';

/**
 * The open backlog as of the last snapshot: every open-like finding (`metric_open_findings`) and
 * their counts per scanner, severity, day first seen and day due (`metric_open_days`). Call
 * inside a transaction. Without `since`, taken whole; with it, only the findings changed since
 * (`updated_at >= since`, the previous cutoff) are replaced, so a day's refresh costs what the
 * day changed. `cutoff` is a time before the refresh began: every change it may have missed has
 * `updated_at >= cutoff` and is read live.
 */
export async function refreshOpen(db: Kysely<Tables>, cutoff: number, since?: number): Promise<void> {
  const changed = since === undefined ? sql`` : sql`AND updated_at >= ${since}`;
  if (since === undefined) await db.deleteFrom('metric_open_findings').execute();
  else
    await sql`DELETE FROM metric_open_findings
      WHERE finding_id IN (SELECT id FROM findings WHERE updated_at >= ${since})`.execute(db);
  // In order of first detection: the findings of one day sit together.
  await sql`INSERT INTO metric_open_findings (finding_id, scanner, severity_rank, first_seen_at, sla_due_at)
    SELECT id, scanner, severity_rank, first_seen_at, sla_due_at FROM findings
    WHERE status IN ${literals(OPEN_LIKE)} ${changed} ORDER BY first_seen_at`.execute(db);
  await db.deleteFrom('metric_open_days').execute();
  const day = (c: string) => sql.raw(`${c} / ${DAY_MS}`);
  await sql`INSERT INTO metric_open_days (scanner, severity_rank, seen_day, due_day, n)
    SELECT scanner, severity_rank, ${day('first_seen_at')}, ${day('sla_due_at')}, count(*)
    FROM metric_open_findings
    GROUP BY scanner, severity_rank, ${day('first_seen_at')}, ${day('sla_due_at')}`.execute(db);
  const taken = since === undefined ? cutoff : ((await openState(db))?.taken ?? cutoff);
  await db.deleteFrom('metric_open_cutoff').execute();
  await db.insertInto('metric_open_cutoff').values({ id: 1, cutoff, taken_at: taken }).execute();
}

/** When the open tables were last refreshed (`cutoff`) and last taken whole (`taken`). */
export async function openState(db: Kysely<Tables>): Promise<{ cutoff: number; taken: number } | undefined> {
  const row = await db.selectFrom('metric_open_cutoff').select(['cutoff', 'taken_at']).executeTakeFirst();
  return row ? { cutoff: num(row.cutoff), taken: num(row.taken_at) } : undefined;
}

/** The cutoff of the open tables (see `refreshOpen`); undefined before the first snapshot. */
export async function openCutoff(db: Kysely<Tables>): Promise<number | undefined> {
  return (await openState(db))?.cutoff;
}

export interface OpenNow {
  cutoff: number;
  scanner?: string;
  /**
   * Days whose findings a caller compares at a finer grain than the day, by first seen (an age
   * boundary, a period start) or by due date (now): read finding by finding, not by day count.
   */
  seenDays: readonly number[];
  dueDays: readonly number[];
}

/**
 * The open-like findings now, over every project, as rows (severity_rank, seen, due, n) whose
 * `n` add up: the snapshot's day counts (a day's first instant standing for its findings), the
 * snapshot's findings of the days named in `q` one by one, minus the snapshot's findings changed
 * since the cutoff, plus those changed findings that are open-like now. Equal, count for count,
 * to reading the findings table, and it reads a few thousand rows plus the day's changes.
 */
export function openNowRows(
  q: OpenNow,
): RawBuilder<{ severity_rank: number; seen: number; due: number | null; n: number }> {
  const only = (column: string) =>
    q.scanner === undefined ? sql`` : sql`AND ${sql.ref(column)} = ${q.scanner}`;
  const list = (days: readonly number[]) => sql.join(days.map((d) => sql.lit(d)));
  // A NULL due day (no SLA) is never one of the days named.
  const notIn = (column: RawBuilder<unknown>, days: readonly number[]) =>
    days.length === 0 ? sql`` : sql`AND (${column} IS NULL OR ${column} NOT IN (${list(days)}))`;
  const dayOfColumn = (c: string) => sql.raw(`(${c} / ${DAY_MS})`);
  const range = (column: string, d: number) =>
    sql`${sql.ref(column)} >= ${dayStart(d)} AND ${sql.ref(column)} < ${dayStart(d + 1)}`;
  // The named days' findings one by one: one branch per day, so each reads one short index range
  // (an OR of ranges is read as one long range). A finding whose first-seen day and due day are
  // both named is read by its first-seen day only.
  const exact = [
    ...q.seenDays.map(
      (d) => sql`SELECT severity_rank, first_seen_at, sla_due_at, 1 FROM metric_open_findings
        WHERE ${range('first_seen_at', d)} ${only('scanner')}`,
    ),
    ...q.dueDays.map(
      (d) => sql`SELECT severity_rank, first_seen_at, sla_due_at, 1 FROM metric_open_findings
        WHERE ${range('sla_due_at', d)} ${only('scanner')} ${notIn(dayOfColumn('first_seen_at'), q.seenDays)}`,
    ),
  ];
  const ms = (c: string) => sql.raw(`CAST(${c} AS bigint) * ${DAY_MS}`);
  return sql`
    SELECT severity_rank, ${ms('seen_day')} AS seen, ${ms('due_day')} AS due, n FROM metric_open_days
    WHERE 1 = 1 ${only('scanner')} ${notIn(sql.ref('seen_day'), q.seenDays)} ${notIn(sql.ref('due_day'), q.dueDays)}
    ${
      exact.length
        ? sql.join(
            exact.map((e) => sql`UNION ALL ${e}`),
            sql` `,
          )
        : sql``
    }
    UNION ALL
    SELECT o.severity_rank, o.first_seen_at, o.sla_due_at, -1 FROM metric_open_findings o
    JOIN findings f ON f.id = o.finding_id WHERE f.updated_at >= ${q.cutoff} ${only('o.scanner')}
    UNION ALL
    SELECT severity_rank, first_seen_at, sla_due_at, 1 FROM findings
    WHERE updated_at >= ${q.cutoff} AND status IN ${literals(OPEN_LIKE)} ${only('scanner')}`;
}
