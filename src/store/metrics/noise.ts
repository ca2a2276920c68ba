import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { type MetricScope, num, percent } from './scope.js';
import { splitWindow } from './snapshot-days.js';
import { frozenTriage } from './snapshot-read.js';

/** The finding_events kind of a person's status change (scans write created, fixed, reopened…). */
export const TRIAGE_KIND = 'status';

export interface RuleNoise {
  scanner: string;
  ruleId: string;
  /** Findings of the rule a person changed the status of within the window. */
  triaged: number;
  /** Of those, findings marked false positive within the window and still false positive now. */
  falsePositives: number;
  /** falsePositives / triaged, percent with one decimal. */
  falsePositiveRate: number;
}

export interface NoiseOptions {
  /** Rules with fewer triaged findings are left out: a rate of 1 in 1 says nothing. */
  minTriaged: number;
  limit: number;
}

/**
 * False-positive rate per rule from triage decisions made in the window, worst first
 * (docs/metrics.md#noise): the rules to tune. Whole snapshotted days add up their per-day
 * counts; the rest of the window is read live.
 */
export async function ruleNoise(store: Store, s: MetricScope, o: NoiseOptions): Promise<RuleNoise[]> {
  const split = await splitWindow(store.db, s);
  const parts = await Promise.all([
    frozenTriage(store.db, s, split.frozen),
    ...split.live.map((r) => liveCounts(store, { ...s, ...r })),
  ]);
  const rules = new Map<string, { scanner: string; rule_id: string; triaged: number; fp: number }>();
  for (const r of parts.flat()) {
    const k = `${r.scanner}\0${r.rule_id}`;
    const c = rules.get(k) ?? { scanner: r.scanner, rule_id: r.rule_id, triaged: 0, fp: 0 };
    rules.set(k, { ...c, triaged: c.triaged + r.triaged, fp: c.fp + r.fp });
  }
  return [...rules.values()]
    .filter((r) => r.triaged >= o.minTriaged)
    .map((r) => ({
      scanner: r.scanner,
      ruleId: r.rule_id,
      triaged: r.triaged,
      falsePositives: r.fp,
      falsePositiveRate: percent(r.fp, r.triaged) ?? 0,
    }))
    .sort(worstFirst)
    .slice(0, o.limit);
}

async function liveCounts(store: Store, s: MetricScope) {
  const only = [
    s.projectId === null ? sql`` : sql`AND f.project_id = ${s.projectId}`,
    s.scanner === undefined ? sql`` : sql`AND f.scanner = ${s.scanner}`,
  ];
  const { rows } = await sql<{ scanner: string; rule_id: string; triaged: number; fp: number }>`
    SELECT f.scanner, f.rule_id, count(DISTINCT f.id) AS triaged,
      count(DISTINCT CASE WHEN e.to_status = 'false_positive' AND f.status = 'false_positive'
        THEN f.id END) AS fp
    FROM finding_events e JOIN findings f ON f.id = e.finding_id
    WHERE e.kind = ${sql.lit(TRIAGE_KIND)} AND e.at >= ${s.from} AND e.at < ${s.to} ${sql.join(only, sql` `)}
    GROUP BY f.scanner, f.rule_id`.execute(store.db);
  return rows.map((r) => ({
    scanner: r.scanner,
    rule_id: r.rule_id,
    triaged: num(r.triaged),
    fp: num(r.fp),
  }));
}

/** Highest rate first; among equal rates, more evidence first; then by name, for a stable order. */
function worstFirst(a: RuleNoise, b: RuleNoise): number {
  const byRate = b.falsePositives / b.triaged - a.falsePositives / a.triaged;
  if (byRate !== 0) return byRate;
  if (a.triaged !== b.triaged) return b.triaged - a.triaged;
  const ka = `${a.scanner}\0${a.ruleId}`;
  const kb = `${b.scanner}\0${b.ruleId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
