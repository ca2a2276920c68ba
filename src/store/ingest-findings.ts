import type { Insertable, Kysely } from 'kysely';
import type { Finding } from '../core/finding.js';
import { type BulkColumn, bulkWrite, inList } from './bulk.js';
import type { Dialect } from './connect.js';
import { type FindingRow, type IngestContext, type Planned, plan } from './ingest-plan.js';
import { storedFindings } from './ingest-stored.js';
import type { FindingEventTable, Tables } from './schema.js';

export type { IngestContext } from './ingest-plan.js';

export interface UpsertCounts {
  findings: number;
  new: number;
  reopened: number;
}

/** Findings written per round trip. */
const BATCH = 2000;

/**
 * Records what a scan reports: new findings inserted, findings whose state or content changed
 * written over, every one's last-seen time and this scan's occurrence, and its presence on the
 * branch when that changed. A finding reported as it was costs two narrow rows, nothing more.
 */
export async function upsertFindings(
  db: Kysely<Tables>,
  ctx: IngestContext,
  findings: readonly Finding[],
): Promise<UpsertCounts> {
  const unique = dedupe(findings);
  const counts: UpsertCounts = { findings: unique.length, new: 0, reopened: 0 };
  const stored = await storedFindings(
    db,
    ctx,
    unique.map((f) => f.fingerprint),
  );
  const again: number[] = [];
  // PostgreSQL writes a batch while the next one is planned: the database and Node each use a
  // core instead of waiting for each other. Writes stay in order on the transaction's connection.
  let writing: Promise<void> = Promise.resolve();
  try {
    for (let i = 0; i < unique.length; i += BATCH) {
      const planned = unique.slice(i, i + BATCH).map((f) => plan(ctx, f, stored.get(f.fingerprint)));
      for (const p of planned) {
        if (p.id !== undefined) again.push(p.id);
        if (p.event?.kind === 'created') counts.new++;
        if (p.event?.kind === 'reopened') counts.reopened++;
      }
      await writing;
      writing = writeBatch(db, ctx, planned);
    }
    await writing;
  } finally {
    // A failure leaves no write running on the transaction it is about to roll back.
    await writing.catch(() => {});
  }
  await markSeen(db, ctx, again);
  return counts;
}

async function writeBatch(
  db: Kysely<Tables>,
  ctx: IngestContext,
  planned: readonly Planned[],
): Promise<void> {
  const ids = await writeFindings(db, ctx.dialect, planned);
  const events: Insertable<FindingEventTable>[] = [];
  for (const p of planned)
    if (p.event) events.push({ ...p.event, finding_id: ids.get(p.finding.fingerprint)! });
  await writeEvents(db, ctx.dialect, events);
  await markPresent(db, ctx, planned, ids);
}

/** One finding per fingerprint: the first (reports are sorted worst first). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
}

const text = (name: string): BulkColumn => ({ name, pg: 'text' });
const big = (name: string): BulkColumn => ({ name, pg: 'bigint' });
const int = (name: string): BulkColumn => ({ name, pg: 'integer' });

const FINDING_COLUMNS: readonly BulkColumn[] = [
  big('project_id'),
  text('fingerprint'),
  text('scanner'),
  text('rule_id'),
  text('title'),
  text('message'),
  text('severity'),
  int('severity_rank'),
  text('confidence'),
  text('status'),
  text('path'),
  int('start_line'),
  text('advisory_id'),
  text('package_purl'),
  big('advisory_published_at'),
  text('data'),
  text('data_hash'),
  big('first_seen_at'),
  big('first_scan_id'),
  big('fixed_at'),
  big('closed_at'),
  int('reopened_count'),
  big('sla_due_at'),
  big('exception_id'),
  big('updated_at'),
];

/** What a scan writes over a stored finding that changed (never first_seen_at, first_scan_id). */
const REWRITTEN = FINDING_COLUMNS.map((c) => c.name).filter(
  (n) => !['project_id', 'fingerprint', 'first_seen_at', 'first_scan_id'].includes(n),
);

/**
 * Inserts new findings and writes over changed ones; the others are not touched. Returns
 * fingerprint -> id for every finding of the batch. New ones need no ON CONFLICT: the project
 * lock keeps every other writer of its findings out until commit.
 */
async function writeFindings(
  db: Kysely<Tables>,
  dialect: Dialect,
  planned: readonly Planned[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const changed: FindingRow[] = [];
  const fresh: FindingRow[] = [];
  for (const p of planned) {
    if (p.id !== undefined) ids.set(p.finding.fingerprint, p.id);
    if (p.row) (p.id === undefined ? fresh : changed).push(p.row);
  }
  const inserted = await bulkWrite<{ id: number; fingerprint: string }>(db, dialect, {
    table: 'findings',
    columns: FINDING_COLUMNS,
    rows: fresh,
    returning: ['id', 'fingerprint'],
  });
  for (const r of inserted) ids.set(r.fingerprint, Number(r.id));
  await bulkWrite(db, dialect, {
    table: 'findings',
    columns: FINDING_COLUMNS,
    rows: changed,
    conflict: { target: ['project_id', 'fingerprint'], update: REWRITTEN },
  });
  return ids;
}

export const EVENT_COLUMNS: readonly BulkColumn[] = [
  big('finding_id'),
  big('at'),
  text('actor'),
  text('kind'),
  text('from_status'),
  text('to_status'),
  text('comment'),
  big('scan_id'),
];

export async function writeEvents(
  db: Kysely<Tables>,
  dialect: Dialect,
  events: Insertable<FindingEventTable>[],
): Promise<void> {
  await bulkWrite(db, dialect, {
    table: 'finding_events',
    columns: EVENT_COLUMNS,
    rows: events as Record<string, unknown>[],
  });
}

/** When the findings stored before this scan were last seen: now (new ones got it from the insert trigger). */
async function markSeen(db: Kysely<Tables>, ctx: IngestContext, ids: readonly number[]): Promise<void> {
  if (ids.length)
    await db
      .updateTable('finding_seen')
      .set({ last_seen_at: ctx.now, last_scan_id: ctx.scanId })
      .where(inList(ctx.dialect, 'finding_id', ids, 'bigint'))
      .execute();
}

/** Where each finding was seen: this scan's occurrence, and its presence on the branch when that changed. */
async function markPresent(
  db: Kysely<Tables>,
  ctx: IngestContext,
  planned: readonly Planned[],
  ids: ReadonlyMap<string, number>,
): Promise<void> {
  const id = (p: Planned) => ids.get(p.finding.fingerprint)!;
  await bulkWrite(db, ctx.dialect, {
    table: 'finding_presence',
    columns: [big('project_id'), big('finding_id'), text('branch'), text('scanner'), int('present')],
    rows: planned
      .filter((p) => p.presence)
      .map((p) => ({
        project_id: ctx.projectId,
        finding_id: id(p),
        branch: ctx.branch,
        scanner: p.finding.scanner,
        present: 1,
      })),
    conflict: { target: ['finding_id', 'branch'], update: ['present', 'scanner'] },
  });
  await bulkWrite(db, ctx.dialect, {
    table: 'occurrences',
    columns: [big('scan_id'), big('finding_id'), text('path'), int('start_line')],
    rows: planned.map((p) => ({
      scan_id: ctx.scanId,
      finding_id: id(p),
      path: p.finding.location.path,
      start_line: p.finding.location.startLine ?? null,
    })),
  });
}
