import { type Kysely, sql } from 'kysely';
import type { Tables } from '../schema.js';
import type { Bin } from './durations.js';
import { type FindingScope, num } from './scope.js';
import { type DayRun, inRuns, levelOf } from './snapshot-days.js';
import { ALL_SCANNERS } from './snapshot-write.js';

// What the metrics read from the daily snapshot tables over whole snapshotted days: sums of the
// additive counters, at the scope's level (one project, or the roll-up 0 for all of them).

function scoped(s: FindingScope, runs: readonly DayRun[]) {
  return sql`project_id = ${levelOf(s.projectId)} AND ${inRuns('day', runs)}
    ${s.scanner === undefined ? sql`` : sql`AND scanner = ${s.scanner}`}`;
}

/** The time-to-remediate histograms of the days: fixed by a scan, and closed by a person. */
export async function frozenBins(db: Kysely<Tables>, s: FindingScope, runs: readonly DayRun[]) {
  if (runs.length === 0) return { fixed: [], closed: [] };
  const { rows } = await sql<Bin & { kind: number }>`
    SELECT kind, severity_rank, bin, sum(n) AS n, sum(total) AS total, min(lo) AS lo, max(hi) AS hi
    FROM metric_daily_bins WHERE ${scoped(s, runs)}
      ${s.projectId === null && s.scanner === undefined ? sql`AND scanner = ${ALL_SCANNERS}` : sql``}
    GROUP BY kind, severity_rank, bin`.execute(db);
  const bins = rows.map((b) => ({
    kind: num(b.kind),
    severity_rank: num(b.severity_rank),
    bin: num(b.bin),
    n: num(b.n),
    total: num(b.total),
    lo: num(b.lo),
    hi: num(b.hi),
  }));
  const of = (kind: number): Bin[] => bins.filter((b) => b.kind === kind).map(({ kind: _, ...b }) => b);
  return { fixed: of(0), closed: of(1) };
}

/** Resolved in time and late per severity rank over the days. */
export async function frozenSla(db: Kysely<Tables>, s: FindingScope, runs: readonly DayRun[]) {
  if (runs.length === 0) return [];
  const { rows } = await sql<{ severity_rank: number; met: number; late: number }>`
    SELECT severity_rank, sum(sla_met) AS met, sum(sla_late) AS late
    FROM metric_daily WHERE ${scoped(s, runs)} GROUP BY severity_rank`.execute(db);
  return rows.map((r) => ({ severity_rank: num(r.severity_rank), met: num(r.met), late: num(r.late) }));
}

export interface FrozenDay {
  opened: number;
  resolved: number;
  /** Unresolved at the end of the day. */
  open: number;
  /** Failed gates in which the scanner(s) reported findings. */
  blocked: number;
}

/** Per day: first seen, resolved, unresolved at the end, gates blocked. */
export async function frozenDays(
  db: Kysely<Tables>,
  s: FindingScope,
  runs: readonly DayRun[],
): Promise<Map<number, FrozenDay>> {
  const out = new Map<number, FrozenDay>();
  if (runs.length === 0) return out;
  const [flows, ends] = await Promise.all([
    sql<{ day: number; opened: number; resolved: number }>`
      SELECT day, sum(opened) AS opened, sum(resolved) AS resolved
      FROM metric_daily WHERE ${scoped(s, runs)} GROUP BY day`.execute(db),
    sql<{ day: number; open: number; blocked: number }>`
      SELECT day, sum(open_end) AS open, sum(blocked) AS blocked
      FROM metric_scanner_daily WHERE ${scoped(s, runs)} GROUP BY day`.execute(db),
  ]);
  for (const r of runs)
    for (let d = r.first; d <= r.last; d++) out.set(d, { opened: 0, resolved: 0, open: 0, blocked: 0 });
  for (const f of flows.rows)
    Object.assign(out.get(num(f.day))!, { opened: num(f.opened), resolved: num(f.resolved) });
  for (const e of ends.rows)
    Object.assign(out.get(num(e.day))!, { open: num(e.open), blocked: num(e.blocked) });
  return out;
}

/** Triaged findings and false positives per rule, added up over the days. */
export async function frozenTriage(db: Kysely<Tables>, s: FindingScope, runs: readonly DayRun[]) {
  if (runs.length === 0) return [];
  const { rows } = await sql<{ scanner: string; rule_id: string; triaged: number; fp: number }>`
    SELECT scanner, rule_id, sum(triaged) AS triaged, sum(false_positives) AS fp
    FROM metric_triage_daily WHERE ${scoped(s, runs)} GROUP BY scanner, rule_id`.execute(db);
  return rows.map((r) => ({
    scanner: r.scanner,
    rule_id: r.rule_id,
    triaged: num(r.triaged),
    fp: num(r.fp),
  }));
}
