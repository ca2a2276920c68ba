import { type RawBuilder, sql } from 'kysely';
import type { Store } from '../connect.js';
import { DAY_MS, literals, type MetricScope, num, OPEN_LIKE, periodIndex } from './scope.js';
import { dayOf, dayStart, type Range, splitWindow } from './snapshot-days.js';
import { openCutoff, openNowRows } from './snapshot-open.js';
import { frozenDays } from './snapshot-read.js';

export const SECRETS_SCANNER = 'secrets';
export const PERIODS = { day: DAY_MS, week: 7 * DAY_MS } as const;
export type Period = keyof typeof PERIODS;

export interface SecretsPeriod {
  /** Start of the period (epoch ms); periods run from the window's start, the last may be shorter. */
  start: number;
  /** Secret findings first seen in the period. */
  detected: number;
  /** Of those, still open now (not fixed, closed, accepted or judged false). */
  stillOpen: number;
  /** Scans received in the period whose gate failed and whose secrets scanner reported findings. */
  blocked: number;
}

type Counts = Map<number, { detected: number; open: number; blocked: number }>;

/**
 * Secrets detected and blocked per period of the window (docs/metrics.md#secrets). Over every
 * project, once snapshots exist, whole snapshotted days that no period boundary cuts come from
 * the snapshots and `stillOpen` from the snapshot's open backlog corrected by today's changes;
 * the rest is read live. One project's secrets are read live.
 */
export async function secretsReport(
  store: Store,
  s: Omit<MetricScope, 'scanner'>,
  period: Period,
): Promise<SecretsPeriod[]> {
  const length = PERIODS[period];
  const cutoff = s.projectId === null ? await openCutoff(store.db) : undefined;
  const counts =
    cutoff === undefined
      ? await live(store, s, [s], length, true)
      : await snapshotted(store, s, length, cutoff);
  return Array.from({ length: Math.ceil((s.to - s.from) / length) }, (_, i) => ({
    start: s.from + i * length,
    detected: counts.get(i)?.detected ?? 0,
    stillOpen: counts.get(i)?.open ?? 0,
    blocked: counts.get(i)?.blocked ?? 0,
  }));
}

async function snapshotted(store: Store, s: Omit<MetricScope, 'scanner'>, length: number, cutoff: number) {
  const boundaries = new Set<number>();
  for (let t = s.from; t < s.to; t += length) boundaries.add(dayOf(t));
  boundaries.add(dayOf(s.to));
  const split = await splitWindow(
    store.db,
    s,
    (d) => boundaries.has(d) && dayStart(d) % length !== s.from % length,
  );
  const scope = { projectId: null, scanner: SECRETS_SCANNER };
  const [frozen, counts, open] = await Promise.all([
    frozenDays(store.db, scope, split.frozen),
    live(store, s, split.live, length, false),
    stillOpen(store, s, length, cutoff, [...boundaries]),
  ]);
  for (const [day, f] of frozen)
    add(counts, Math.floor((dayStart(day) - s.from) / length), f.opened, 0, f.blocked);
  for (const [p, n] of open) add(counts, p, 0, n, 0);
  return counts;
}

function add(counts: Counts, p: number, detected: number, open: number, blocked: number) {
  const c = counts.get(p) ?? { detected: 0, open: 0, blocked: 0 };
  counts.set(p, { detected: c.detected + detected, open: c.open + open, blocked: c.blocked + blocked });
}

/** Open-like secrets first seen in the window, per period, from the snapshot's open backlog. */
async function stillOpen(
  store: Store,
  s: Omit<MetricScope, 'scanner'>,
  length: number,
  cutoff: number,
  days: number[],
) {
  const rows = openNowRows({ cutoff, scanner: SECRETS_SCANNER, seenDays: days, dueDays: [] });
  const { rows: out } = await sql<{ p: number; n: number }>`
    SELECT ${periodIndex('seen', s.from, length)} AS p, sum(n) AS n FROM (${rows}) t
    WHERE seen >= ${s.from} AND seen < ${s.to} GROUP BY 1`.execute(store.db);
  return new Map(out.map((r) => [num(r.p), num(r.n)]));
}

/** Detected (and, when asked, still open) and blocked per period, read live over the ranges. */
async function live(
  store: Store,
  s: Omit<MetricScope, 'scanner'>,
  ranges: readonly Range[],
  length: number,
  withOpen: boolean,
): Promise<Counts> {
  const counts: Counts = new Map();
  if (ranges.length === 0) return counts;
  const project = (column: string) =>
    s.projectId === null ? sql`` : sql`AND ${sql.ref(column)} = ${s.projectId}`;
  // One branch per range, so each reads one short index range (an OR of ranges is read as one
  // long range, filtered).
  const each = (make: (r: Range) => RawBuilder<unknown>) => sql.join(ranges.map(make), sql` UNION ALL `);
  const open = withOpen ? sql`sum(CASE WHEN status IN ${literals(OPEN_LIKE)} THEN 1 ELSE 0 END)` : sql`0`;
  const detected = sql<{ p: number; n: number; open: number }>`
    SELECT ${periodIndex('first_seen_at', s.from, length)} AS p, count(*) AS n, ${open} AS open
    FROM (${each(
      (r) => sql`SELECT first_seen_at, status FROM findings
        WHERE scanner = ${sql.lit(SECRETS_SCANNER)} AND first_seen_at >= ${r.from} AND first_seen_at < ${r.to}
        ${project('project_id')}`,
    )}) t
    GROUP BY 1`.execute(store.db);
  // The scan's own per-scanner count says whether it carried secrets: no walk of its occurrences.
  const blocked = sql<{ p: number; n: number }>`
    SELECT ${periodIndex('received_at', s.from, length)} AS p, count(*) AS n
    FROM (${each(
      (r) => sql`SELECT s.received_at FROM scans s JOIN scan_scanners ss ON ss.scan_id = s.id
        WHERE ss.scanner = ${sql.lit(SECRETS_SCANNER)} AND ss.findings > 0 AND s.gate_verdict = 'fail'
          AND s.received_at >= ${r.from} AND s.received_at < ${r.to} ${project('s.project_id')}`,
    )}) t
    GROUP BY 1`.execute(store.db);
  const [d, b] = await Promise.all([detected, blocked]);
  for (const r of d.rows) add(counts, num(r.p), num(r.n), num(r.open), 0);
  for (const r of b.rows) add(counts, num(r.p), 0, 0, num(r.n));
  return counts;
}
