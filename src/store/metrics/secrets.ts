import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { DAY_MS, literals, type MetricScope, num, OPEN_LIKE, periodIndex } from './scope.js';

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

/** Secrets detected and blocked per period of the window (docs/metrics.md#secrets). */
export async function secretsReport(
  store: Store,
  s: Omit<MetricScope, 'scanner'>,
  period: Period,
): Promise<SecretsPeriod[]> {
  const length = PERIODS[period];
  const project = (column: string) =>
    s.projectId === null ? sql`` : sql`AND ${sql.ref(column)} = ${s.projectId}`;
  const detected = sql<{ p: number; n: number; open: number }>`
    SELECT ${periodIndex('first_seen_at', s.from, length)} AS p, count(*) AS n,
      sum(CASE WHEN status IN ${literals(OPEN_LIKE)} THEN 1 ELSE 0 END) AS open
    FROM findings
    WHERE scanner = ${sql.lit(SECRETS_SCANNER)} AND first_seen_at >= ${s.from} AND first_seen_at < ${s.to}
      ${project('project_id')}
    GROUP BY 1`.execute(store.db);
  // The scan's own per-scanner count says whether it carried secrets: no walk of its occurrences.
  const blocked = sql<{ p: number; n: number }>`
    SELECT ${periodIndex('s.received_at', s.from, length)} AS p, count(*) AS n
    FROM scans s JOIN scan_scanners ss ON ss.scan_id = s.id
    WHERE ss.scanner = ${sql.lit(SECRETS_SCANNER)} AND ss.findings > 0 AND s.gate_verdict = 'fail'
      AND s.received_at >= ${s.from} AND s.received_at < ${s.to} ${project('s.project_id')}
    GROUP BY 1`.execute(store.db);
  const [d, b] = await Promise.all([detected, blocked]);
  const found = new Map(d.rows.map((r) => [num(r.p), r]));
  const stopped = new Map(b.rows.map((r) => [num(r.p), num(r.n)]));
  const count = Math.ceil((s.to - s.from) / length);
  return Array.from({ length: count }, (_, i) => ({
    start: s.from + i * length,
    detected: num(found.get(i)?.n),
    stillOpen: num(found.get(i)?.open),
    blocked: stopped.get(i) ?? 0,
  }));
}
