import { sql } from 'kysely';
import type { Severity } from '../core/severity.js';
import type { Store } from './connect.js';
import { type FindingScope, inScope, num, OPEN_LIKE, perSeverity, severityOfRank } from './metrics/scope.js';
import { dayOf } from './metrics/snapshot-days.js';
import { openCutoff, openNowRows } from './metrics/snapshot-open.js';
import { DUE_SOON_MS } from './sla-state.js';

/**
 * The open backlog now, cut two ways `slaReport` does not: per scanner, and due within a week.
 * Over every project, once a snapshot exists, both read the snapshot's open backlog corrected by
 * the findings changed since it was taken (`openNowRows`, as the SLA backlog does): a few thousand
 * rows instead of every open finding. One project's backlog is read live from its own index.
 */

type Row = { scanner?: string; severity_rank?: number; n: unknown };

/** Open-like findings per scanner, most first. */
export async function openByScanner(
  store: Store,
  s: FindingScope,
): Promise<{ scanner: string; open: number }[]> {
  const cutoff = s.projectId === null ? await openCutoff(store.db) : undefined;
  const rows = cutoff === undefined ? await liveByScanner(store, s) : await snapshotByScanner(store, cutoff);
  return rows
    .map((r) => ({ scanner: r.scanner!, open: num(r.n) }))
    .filter((r) => r.open > 0)
    .sort((a, b) => b.open - a.open || a.scanner.localeCompare(b.scanner));
}

/** From the `findings_scanner` index (scanner, status), which holds both columns read. */
function liveByScanner(store: Store, s: FindingScope): Promise<Row[]> {
  return inScope(
    store.db
      .selectFrom('findings')
      .select(['scanner', (eb) => eb.fn.countAll().as('n')])
      .where('status', 'in', OPEN_LIKE)
      .groupBy('scanner'),
    s,
  ).execute();
}

/** Every scanner the snapshot or a change since names, each counted from the snapshot's rows. */
async function snapshotByScanner(store: Store, cutoff: number): Promise<Row[]> {
  const { rows: scanners } = await sql<{ scanner: string }>`
    SELECT scanner FROM metric_open_days
    UNION SELECT scanner FROM findings WHERE updated_at >= ${cutoff}`.execute(store.db);
  return Promise.all(
    scanners.map(async ({ scanner }) => {
      const rows = openNowRows({ cutoff, scanner, seenDays: [], dueDays: [] });
      const { rows: sum } = await sql<{ n: unknown }>`SELECT sum(n) AS n FROM (${rows}) t`.execute(store.db);
      return { scanner, n: sum[0]?.n };
    }),
  );
}

/**
 * Open-like findings due within the next week (due at or after `now`, before now + 7 days), per
 * severity: what `GET /findings?sla=due_soon` lists.
 */
export async function dueSoon(store: Store, s: FindingScope, now: number): Promise<Record<Severity, number>> {
  const cutoff = s.projectId === null ? await openCutoff(store.db) : undefined;
  const rows =
    cutoff === undefined ? await liveDueSoon(store, s, now) : await snapshotDueSoon(store, now, cutoff);
  const out = perSeverity(() => 0);
  for (const r of rows) {
    const sev = severityOfRank(num(r.severity_rank));
    if (sev) out[sev] = num(r.n);
  }
  return out;
}

/** A range of the `findings_sla_due` index (status, due date) per status. */
function liveDueSoon(store: Store, s: FindingScope, now: number): Promise<Row[]> {
  return inScope(
    store.db
      .selectFrom('findings')
      .select(['severity_rank', (eb) => eb.fn.countAll().as('n')])
      .where('status', 'in', OPEN_LIKE)
      .where('sla_due_at', '>=', now)
      .where('sla_due_at', '<', now + DUE_SOON_MS)
      .groupBy('severity_rank'),
    s,
  ).execute();
}

/** The days holding the window's two edges are read finding by finding; those between by day count. */
async function snapshotDueSoon(store: Store, now: number, cutoff: number): Promise<Row[]> {
  const end = now + DUE_SOON_MS;
  const rows = openNowRows({ cutoff, seenDays: [], dueDays: [dayOf(now), dayOf(end)] });
  const { rows: out } = await sql<Row>`
    SELECT severity_rank, sum(CASE WHEN due >= ${now} AND due < ${end} THEN n ELSE 0 END) AS n
    FROM (${rows}) t GROUP BY severity_rank`.execute(store.db);
  return out;
}
