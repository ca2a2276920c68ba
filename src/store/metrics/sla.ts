import { type RawBuilder, sql } from 'kysely';
import type { Severity } from '../../core/severity.js';
import type { Store } from '../connect.js';
import {
  DAY_MS,
  type FindingScope,
  inScope,
  literals,
  type MetricScope,
  num,
  OPEN_LIKE,
  percent,
  perSeverity,
  resolvedInWindow,
  severityOfRank,
} from './scope.js';
import { dayOf, splitWindow } from './snapshot-days.js';
import { openCutoff, openNowRows } from './snapshot-open.js';
import { frozenSla } from './snapshot-read.js';

export interface SlaCompliance {
  /** Resolved in the window on or before the due date. */
  met: number;
  /** Resolved in the window after the due date. */
  late: number;
  /** Open now (open, confirmed, in progress) and past the due date. */
  openOverdue: number;
  /** met / (met + late): of what was resolved, how much in time. */
  resolvedInTimePercent: number | null;
  /** met / (met + late + openOverdue): open breaches count against compliance too. */
  compliancePercent: number | null;
}

/** Open-finding ages in whole days: 0-7, 8-30, 31-90, 91-180, >180. */
export const AGE_BUCKETS = ['0-7', '8-30', '31-90', '91-180', '>180'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
/** The first age (days) past each bucket but the last. */
const BUCKET_ENDS = [8, 31, 91, 181];

export interface OpenBacklog {
  total: number;
  overdue: number;
  bySeverity: Record<Severity, { open: number; overdue: number }>;
  byAge: { bucket: AgeBucket; open: number; bySeverity: Record<Severity, number> }[];
}

export interface SlaReport {
  compliance: SlaCompliance & { bySeverity: Record<Severity, SlaCompliance> };
  open: OpenBacklog;
}

/** SLA compliance over the window and the open backlog at `now` (docs/metrics.md#sla). */
export async function slaReport(store: Store, s: MetricScope, now: number): Promise<SlaReport> {
  const [resolved, open] = await Promise.all([resolvedCounts(store, s), openBacklog(store, s, now)]);
  const bySeverity = perSeverity((sev) =>
    compliance(resolved.get(sev) ?? { met: 0, late: 0 }, open.bySeverity[sev].overdue),
  );
  const met = Object.values(bySeverity).reduce((a, c) => a + c.met, 0);
  const late = Object.values(bySeverity).reduce((a, c) => a + c.late, 0);
  return { compliance: { ...compliance({ met, late }, open.overdue), bySeverity }, open };
}

function compliance(r: { met: number; late: number }, openOverdue: number): SlaCompliance {
  return {
    met: r.met,
    late: r.late,
    openOverdue,
    resolvedInTimePercent: percent(r.met, r.met + r.late),
    compliancePercent: percent(r.met, r.met + r.late + openOverdue),
  };
}

/**
 * Findings resolved in the window that had a due date: in time or late, per severity. Whole
 * snapshotted days from the snapshots, the rest live.
 */
async function resolvedCounts(store: Store, s: MetricScope) {
  const split = await splitWindow(store.db, s);
  const parts = await Promise.all([
    frozenSla(store.db, s, split.frozen),
    ...split.live.map((r) => liveResolvedCounts(store, { ...s, ...r })),
  ]);
  const out = new Map<Severity, { met: number; late: number }>();
  for (const r of parts.flat()) {
    const sev = severityOfRank(r.severity_rank);
    if (!sev) continue;
    const c = out.get(sev) ?? { met: 0, late: 0 };
    out.set(sev, { met: c.met + r.met, late: c.late + r.late });
  }
  return out;
}

async function liveResolvedCounts(store: Store, s: MetricScope) {
  const rows = await store.db
    .selectFrom(resolvedInWindow(store.db, s).as('r'))
    .select([
      'severity_rank',
      sql<number>`sum(CASE WHEN resolved_at <= sla_due_at THEN 1 ELSE 0 END)`.as('met'),
      sql<number>`sum(CASE WHEN resolved_at > sla_due_at THEN 1 ELSE 0 END)`.as('late'),
    ])
    .where('sla_due_at', 'is not', null)
    .groupBy('severity_rank')
    .execute();
  return rows.map((r) => ({ severity_rank: num(r.severity_rank), met: num(r.met), late: num(r.late) }));
}

/**
 * Open findings now by severity and age, and how many are past due. One row per severity: the
 * counts younger than each bucket's end are summed side by side (buckets are their differences),
 * so the engine aggregates into five groups, in parallel on PostgreSQL. Over every project, once
 * a snapshot exists, the rows come from the snapshot's open backlog corrected by the findings
 * changed since (`openNowRows`); one project's backlog is read live from its own index.
 */
export async function openBacklog(store: Store, s: FindingScope, now: number): Promise<OpenBacklog> {
  const cutoff = s.projectId === null ? await openCutoff(store.db) : undefined;
  const rows =
    cutoff === undefined ? await liveBacklog(store, s, now) : await snapshotBacklog(store, s, now, cutoff);
  return toBacklog(rows);
}

type BacklogRow = Record<string, unknown> & { severity_rank: number };

async function liveBacklog(store: Store, s: FindingScope, now: number): Promise<BacklogRow[]> {
  const younger = BUCKET_ENDS.map((d, i) =>
    sql<number>`sum(CASE WHEN first_seen_at > ${now - d * DAY_MS} THEN 1 ELSE 0 END)`.as(`y${i}`),
  );
  return (await inScope(
    store.db
      .selectFrom('findings')
      .select([
        'severity_rank',
        (eb) => eb.fn.countAll().as('n'),
        sql<number>`sum(CASE WHEN sla_due_at < ${now} THEN 1 ELSE 0 END)`.as('overdue'),
        ...younger,
      ])
      .where(sql<boolean>`status IN ${literals(OPEN_LIKE)}`)
      .groupBy('severity_rank'),
    s,
  ).execute()) as BacklogRow[];
}

/** The same sums over the snapshot's rows, each standing for `n` findings (n may be -1: changed since). */
async function snapshotBacklog(
  store: Store,
  s: FindingScope,
  now: number,
  cutoff: number,
): Promise<BacklogRow[]> {
  const rows = openNowRows({
    cutoff,
    ...(s.scanner === undefined ? {} : { scanner: s.scanner }),
    seenDays: BUCKET_ENDS.map((d) => dayOf(now - d * DAY_MS)),
    dueDays: [dayOf(now)],
  });
  const younger: RawBuilder<unknown>[] = BUCKET_ENDS.map(
    (d, i) => sql`sum(CASE WHEN seen > ${now - d * DAY_MS} THEN n ELSE 0 END) AS ${sql.ref(`y${i}`)}`,
  );
  const { rows: out } = await sql<BacklogRow>`
    SELECT severity_rank, sum(n) AS n, sum(CASE WHEN due < ${now} THEN n ELSE 0 END) AS overdue,
      ${sql.join(younger)}
    FROM (${rows}) t GROUP BY severity_rank`.execute(store.db);
  return out;
}

function toBacklog(rows: readonly BacklogRow[]): OpenBacklog {
  const out: OpenBacklog = {
    total: 0,
    overdue: 0,
    bySeverity: perSeverity(() => ({ open: 0, overdue: 0 })),
    byAge: AGE_BUCKETS.map((bucket) => ({ bucket, open: 0, bySeverity: perSeverity(() => 0) })),
  };
  for (const r of rows) {
    const sev = severityOfRank(num(r.severity_rank));
    if (!sev) continue;
    const [n, overdue] = [num(r.n), num(r.overdue)];
    out.total += n;
    out.overdue += overdue;
    out.bySeverity[sev] = { open: n, overdue };
    const cumulative = [...BUCKET_ENDS.map((_, i) => num(r[`y${i}`])), n];
    cumulative.forEach((upTo, i) => {
      const count = upTo - (i === 0 ? 0 : cumulative[i - 1]!);
      out.byAge[i]!.open += count;
      out.byAge[i]!.bySeverity[sev] = count;
    });
  }
  return out;
}
