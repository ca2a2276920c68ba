import { type Kysely, sql } from 'kysely';
import { bulkWrite } from '../bulk.js';
import type { Dialect } from '../connect.js';
import { DAILY_TABLES } from '../migrations/009-metric-snapshots.js';
import type { Tables } from '../schema.js';
import { BIN } from './durations.js';
import { TRIAGE_KIND } from './noise.js';
import { DAY_MS, num } from './scope.js';
import { dayStart } from './snapshot-days.js';

/** The scanner of `metric_daily_bins`' roll-up over every project and every scanner (no scanner is named ''). */
export const ALL_SCANNERS = '';

/** Unresolved findings per project and scanner, keyed `project\0scanner`: the burn-down's running count. */
export type OpenCounts = Map<string, { project_id: number; scanner: string; open: number }>;
const key = (projectId: number, scanner: string) => `${projectId}\0${scanner}`;

/**
 * Unresolved at `at` per project and scanner, as the live burn-down counts them: first seen
 * before `at` and not fixed or closed before it. One pass over the findings.
 */
export async function openAt(db: Kysely<Tables>, at: number): Promise<OpenCounts> {
  const { rows } = await sql<{ project_id: number; scanner: string; n: number }>`
    SELECT project_id, scanner, sum(CASE WHEN fixed_at < ${at} OR (fixed_at IS NULL AND closed_at < ${at})
      THEN 0 ELSE 1 END) AS n
    FROM findings WHERE first_seen_at < ${at} GROUP BY project_id, scanner`.execute(db);
  return new Map(
    rows.map((r) => [
      key(num(r.project_id), r.scanner),
      { project_id: num(r.project_id), scanner: r.scanner, open: num(r.n) },
    ]),
  );
}

/**
 * Findings resolved in [a, b), as the live metrics read them (metrics/scope.ts): fixed by a scan
 * (`fixed_at`), or closed by a person (`closed_at`, no `fixed_at`); kind 0 and 1.
 */
const resolvedIn = (a: number, b: number) => sql`
  SELECT project_id, scanner, severity_rank, 0 AS kind, first_seen_at, sla_due_at, fixed_at AS resolved_at
  FROM findings WHERE fixed_at >= ${a} AND fixed_at < ${b}
  UNION ALL
  SELECT project_id, scanner, severity_rank, 1 AS kind, first_seen_at, sla_due_at, closed_at AS resolved_at
  FROM findings WHERE fixed_at IS NULL AND closed_at >= ${a} AND closed_at < ${b}`;

/**
 * Replaces the snapshot of one UTC day (call inside a transaction): every daily table's rows of
 * the day per project, their roll-up over projects (project 0), and the day's entry in
 * `metric_snapshot_days`. `open` holds the unresolved counts at the start of the day and is
 * moved to its end.
 */
export async function writeDay(
  db: Kysely<Tables>,
  dialect: Dialect,
  day: number,
  open: OpenCounts,
  now: number,
): Promise<void> {
  const [a, b] = [dayStart(day), dayStart(day) + DAY_MS];
  const d = sql.lit(day);
  for (const table of DAILY_TABLES) await sql`DELETE FROM ${sql.table(table)} WHERE day = ${d}`.execute(db);
  await db.deleteFrom('metric_snapshot_days').where('day', '=', day).execute();
  await sql`INSERT INTO metric_daily (project_id, day, scanner, severity_rank, opened, resolved, sla_met, sla_late)
    SELECT project_id, ${d}, scanner, severity_rank, sum(o), sum(r), sum(m), sum(l) FROM (
      SELECT project_id, scanner, severity_rank, 1 AS o, 0 AS r, 0 AS m, 0 AS l
      FROM findings WHERE first_seen_at >= ${a} AND first_seen_at < ${b}
      UNION ALL
      SELECT project_id, scanner, severity_rank, 0, 1,
        CASE WHEN resolved_at <= sla_due_at THEN 1 ELSE 0 END, CASE WHEN resolved_at > sla_due_at THEN 1 ELSE 0 END
      FROM (${resolvedIn(a, b)}) r
    ) t GROUP BY project_id, scanner, severity_rank`.execute(db);
  await sql`INSERT INTO metric_daily_bins (project_id, day, scanner, severity_rank, kind, bin, n, total, lo, hi)
    SELECT project_id, ${d}, scanner, severity_rank, kind, ${BIN}, count(*), sum(d), min(d), max(d)
    FROM (SELECT project_id, scanner, severity_rank, kind, resolved_at - first_seen_at AS d
      FROM (${resolvedIn(a, b)}) r) t
    GROUP BY project_id, scanner, severity_rank, kind, ${BIN}`.execute(db);
  // The live rule-noise query (metrics/noise.ts), for one day, kept per project.
  await sql`INSERT INTO metric_triage_daily (project_id, day, scanner, rule_id, triaged, false_positives)
    SELECT f.project_id, ${d}, f.scanner, f.rule_id, count(DISTINCT f.id),
      count(DISTINCT CASE WHEN e.to_status = 'false_positive' AND f.status = 'false_positive' THEN f.id END)
    FROM finding_events e JOIN findings f ON f.id = e.finding_id
    WHERE e.kind = ${sql.lit(TRIAGE_KIND)} AND e.at >= ${a} AND e.at < ${b}
    GROUP BY f.project_id, f.scanner, f.rule_id`.execute(db);
  await writeScannerDay(db, dialect, day, open);
  await rollUp(db, day);
  await db.insertInto('metric_snapshot_days').values({ day, taken_at: now }).execute();
}

/** Per project and scanner: unresolved at the end of the day, and failed gates it reported findings in. */
async function writeScannerDay(db: Kysely<Tables>, dialect: Dialect, day: number, open: OpenCounts) {
  const [a, b] = [dayStart(day), dayStart(day) + DAY_MS];
  const flows = await db
    .selectFrom('metric_daily')
    .select([
      'project_id',
      'scanner',
      (eb) => eb.fn.sum<number>('opened').as('o'),
      (eb) => eb.fn.sum<number>('resolved').as('r'),
    ])
    .where('day', '=', day)
    .groupBy(['project_id', 'scanner'])
    .execute();
  for (const f of flows) {
    const k = key(num(f.project_id), f.scanner);
    const row = open.get(k) ?? { project_id: num(f.project_id), scanner: f.scanner, open: 0 };
    row.open += num(f.o) - num(f.r);
    open.set(k, row);
  }
  const { rows: blocked } = await sql<{ project_id: number; scanner: string; n: number }>`
    SELECT s.project_id, ss.scanner, count(*) AS n FROM scans s JOIN scan_scanners ss ON ss.scan_id = s.id
    WHERE ss.findings > 0 AND s.gate_verdict = 'fail' AND s.received_at >= ${a} AND s.received_at < ${b}
    GROUP BY s.project_id, ss.scanner`.execute(db);
  const rows = new Map<
    string,
    { project_id: number; day: number; scanner: string; open_end: number; blocked: number }
  >();
  for (const o of open.values())
    if (o.open !== 0) rows.set(key(o.project_id, o.scanner), { ...o, day, open_end: o.open, blocked: 0 });
  for (const r of blocked) {
    const k = key(num(r.project_id), r.scanner);
    const row = rows.get(k) ?? {
      project_id: num(r.project_id),
      day,
      scanner: r.scanner,
      open_end: 0,
      blocked: 0,
    };
    row.blocked = num(r.n);
    rows.set(k, row);
  }
  await bulkWrite(db, dialect, {
    table: 'metric_scanner_daily',
    columns: [
      { name: 'project_id', pg: 'bigint' },
      { name: 'day', pg: 'integer' },
      { name: 'scanner', pg: 'text' },
      { name: 'open_end', pg: 'integer' },
      { name: 'blocked', pg: 'integer' },
    ],
    rows: [...rows.values()],
  });
}

/** Project 0: the day's rows summed over every project, so organisation-wide answers read few rows. */
async function rollUp(db: Kysely<Tables>, day: number): Promise<void> {
  const d = sql.lit(day);
  const sums = (columns: string[]) => sql.raw(columns.map((c) => `sum(${c})`).join(', '));
  await sql`INSERT INTO metric_daily (project_id, day, scanner, severity_rank, opened, resolved, sla_met, sla_late)
    SELECT 0, day, scanner, severity_rank, ${sums(['opened', 'resolved', 'sla_met', 'sla_late'])}
    FROM metric_daily WHERE day = ${d} GROUP BY day, scanner, severity_rank`.execute(db);
  await sql`INSERT INTO metric_daily_bins (project_id, day, scanner, severity_rank, kind, bin, n, total, lo, hi)
    SELECT 0, day, scanner, severity_rank, kind, bin, sum(n), sum(total), min(lo), max(hi)
    FROM metric_daily_bins WHERE day = ${d} GROUP BY day, scanner, severity_rank, kind, bin`.execute(db);
  // Histograms have many bins a day: the organisation-wide MTTR over every scanner gets its own rows.
  await sql`INSERT INTO metric_daily_bins (project_id, day, scanner, severity_rank, kind, bin, n, total, lo, hi)
    SELECT 0, day, ${ALL_SCANNERS}, severity_rank, kind, bin, sum(n), sum(total), min(lo), max(hi)
    FROM metric_daily_bins WHERE day = ${d} AND project_id = 0 GROUP BY day, severity_rank, kind, bin`.execute(
    db,
  );
  await sql`INSERT INTO metric_scanner_daily (project_id, day, scanner, open_end, blocked)
    SELECT 0, day, scanner, ${sums(['open_end', 'blocked'])}
    FROM metric_scanner_daily WHERE day = ${d} GROUP BY day, scanner`.execute(db);
  await sql`INSERT INTO metric_triage_daily (project_id, day, scanner, rule_id, triaged, false_positives)
    SELECT 0, day, scanner, rule_id, ${sums(['triaged', 'false_positives'])}
    FROM metric_triage_daily WHERE day = ${d} GROUP BY day, scanner, rule_id`.execute(db);
}
