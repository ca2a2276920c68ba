import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Severity } from '../../core/severity.js';
import type { Tables } from '../schema.js';
import { days, num, perSeverity, severityOfRank } from './scope.js';

export interface DurationStats {
  count: number;
  /** Days, one decimal; null when count is 0. */
  meanDays: number | null;
  /** Days, one decimal, from the histogram (see `Bin`); null when count is 0. */
  medianDays: number | null;
}

export interface Durations {
  all: DurationStats;
  bySeverity: Record<Severity, DurationStats>;
}

/** A query whose rows are one duration each: the finding's severity rank and `d` in ms. */
// biome-ignore lint/suspicious/noExplicitAny: any query shaped (severity_rank, d) will do
export type DurationRows = SelectQueryBuilder<any, any, { severity_rank: number; d: number }>;

/**
 * Durations of one severity that fall in one histogram bin: how many, their sum, the smallest
 * and the largest. Bins are 0.01 day wide below 100 days, 0.1 day below 1,000 days, then 1 day:
 * a few thousand bins at most per severity, whatever the number of findings.
 */
export interface Bin {
  severity_rank: number;
  bin: number;
  n: number;
  total: number;
  lo: number;
  hi: number;
}

/** The bin key grows with the duration, so bins sort in the order of the durations they hold. */
export const BIN = sql<number>`CASE WHEN d < 8640000000 THEN d / 864000
  WHEN d < 86400000000 THEN 10000 + d / 8640000 ELSE 20000 + d / 86400000 END`;

/**
 * The histogram of a set of durations, per severity, in one pass with no sort: a GROUP BY on
 * the bin, which both engines do with a hash table the size of the histogram.
 */
export async function durationBins(db: Kysely<Tables>, rows: DurationRows): Promise<Bin[]> {
  const { rows: bins } = await sql<Bin>`
    SELECT severity_rank, ${BIN} AS bin, count(*) AS n, sum(d) AS total, min(d) AS lo, max(d) AS hi
    FROM (${rows}) AS t
    GROUP BY severity_rank, ${BIN}`.execute(db);
  return bins.map((b) => ({
    severity_rank: num(b.severity_rank),
    bin: num(b.bin),
    n: num(b.n),
    total: num(b.total),
    lo: num(b.lo),
    hi: num(b.hi),
  }));
}

/**
 * Count, exact mean and median per severity and overall, from bins of one or several sources
 * (bins with the same key are merged). The median is exact when the middle
 * durations are alone in their bin or at its edges; otherwise it is interpolated between the
 * bin's smallest and largest value, so it is off by less than the bin's width.
 */
export function summarise(bins: readonly Bin[]): Durations {
  const bySeverity = perSeverity(() => stats([]));
  const byRank = new Map<number, Bin[]>();
  for (const b of bins) {
    const group = byRank.get(b.severity_rank) ?? [];
    group.push(b);
    byRank.set(b.severity_rank, group);
  }
  for (const [rank, group] of byRank) {
    const severity = severityOfRank(rank);
    if (severity) bySeverity[severity] = stats(merge(group));
  }
  return { all: stats(merge(bins)), bySeverity };
}

export async function durationStats(db: Kysely<Tables>, rows: DurationRows): Promise<Durations> {
  return summarise(await durationBins(db, rows));
}

/** Bins of several severities (or several sources) with the same key, as one. */
export function merge(bins: readonly Bin[]): Bin[] {
  const out = new Map<number, Bin>();
  for (const b of bins) {
    const m = out.get(b.bin);
    out.set(
      b.bin,
      m
        ? { ...m, n: m.n + b.n, total: m.total + b.total, lo: Math.min(m.lo, b.lo), hi: Math.max(m.hi, b.hi) }
        : b,
    );
  }
  return [...out.values()];
}

function stats(bins: readonly Bin[]): DurationStats {
  const count = bins.reduce((a, b) => a + b.n, 0);
  if (count === 0) return { count: 0, meanDays: null, medianDays: null };
  const total = bins.reduce((a, b) => a + b.total, 0);
  const sorted = [...bins].sort((a, b) => a.bin - b.bin);
  const middle = (nth(sorted, Math.floor((count + 1) / 2)) + nth(sorted, Math.floor((count + 2) / 2))) / 2;
  return { count, meanDays: days(total / count), medianDays: days(middle) };
}

/** The rank-th smallest duration (1-based), read from sorted bins. */
function nth(sorted: readonly Bin[], rank: number): number {
  let before = 0;
  for (const b of sorted) {
    if (rank <= before + b.n) {
      const i = rank - before - 1;
      if (i === 0) return b.lo;
      if (i === b.n - 1) return b.hi;
      return b.lo + ((b.hi - b.lo) * i) / (b.n - 1);
    }
    before += b.n;
  }
  return sorted.at(-1)?.hi ?? 0;
}
