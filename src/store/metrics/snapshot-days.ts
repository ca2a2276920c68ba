import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Tables } from '../schema.js';
import { DAY_MS, num } from './scope.js';

/** The UTC day number of a time (the `day` of the snapshot tables), and back. */
export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
export const dayStart = (day: number): number => day * DAY_MS;

/** Consecutive snapshotted days, first and last included. */
export interface DayRun {
  first: number;
  last: number;
}

/** A half-open time range [from, to) in epoch ms. */
export interface Range {
  from: number;
  to: number;
}

/** How a window is answered: whole snapshotted days from the snapshots, the rest live. */
export interface WindowSplit {
  frozen: DayRun[];
  live: Range[];
}

/** The snapshot rows' level: one project, or 0 for the roll-up over every project. */
export const levelOf = (projectId: number | null): number => projectId ?? 0;

/**
 * Splits [from, to) into the snapshotted UTC days that lie wholly inside it and the ranges left
 * (partial days at the edges, today, days never snapshotted), which are computed live. `keepLive`
 * names days that must be computed live anyway (a day a reporting period boundary cuts in two).
 */
export async function splitWindow(
  db: Kysely<Tables>,
  w: Range,
  keepLive: (day: number) => boolean = () => false,
): Promise<WindowSplit> {
  const first = Math.ceil(w.from / DAY_MS);
  const end = Math.floor(w.to / DAY_MS);
  const days =
    first < end
      ? (
          await db
            .selectFrom('metric_snapshot_days')
            .select('day')
            .where('day', '>=', first)
            .where('day', '<', end)
            .orderBy('day')
            .execute()
        )
          .map((r) => num(r.day))
          .filter((d) => !keepLive(d))
      : [];
  const frozen = runsOf(days);
  const live: Range[] = [];
  let at = w.from;
  for (const r of frozen) {
    if (dayStart(r.first) > at) live.push({ from: at, to: dayStart(r.first) });
    at = dayStart(r.last + 1);
  }
  if (at < w.to) live.push({ from: at, to: w.to });
  return { frozen, live };
}

/** Sorted day numbers as runs of consecutive days. */
export function runsOf(days: readonly number[]): DayRun[] {
  const out: DayRun[] = [];
  for (const d of days) {
    const last = out.at(-1);
    if (last && d === last.last + 1) last.last = d;
    else out.push({ first: d, last: d });
  }
  return out;
}

/** `column` within one of the runs (a false condition when there are none). */
export function inRuns(column: string, runs: readonly DayRun[]): RawBuilder<boolean> {
  if (runs.length === 0) return sql<boolean>`1 = 0`;
  const c = sql.ref(column);
  return sql<boolean>`(${sql.join(
    runs.map((r) => sql`(${c} >= ${sql.lit(r.first)} AND ${c} <= ${sql.lit(r.last)})`),
    sql` OR `,
  )})`;
}
