import type { Kysely } from 'kysely';
import type { Tables } from '../../store/schema.js';
import { enqueue, type Item, MAX_PER_BATCH, subscriptions } from './enqueue.js';
import { type EventName, iso, type ProjectRef } from './events.js';
import { type NotifyDb, notifyDb } from './schema.js';
import { FINDING_COLUMNS, findingSummary, scanSummary } from './summaries.js';

export interface ScanRef {
  projectId: number;
  scanId: number;
  now: number;
}

const NEW_FINDING_EVENTS: readonly [EventName, number][] = [
  ['finding.new_critical', 4],
  ['finding.new_high', 3],
];

/**
 * Called by ingest inside the scan's transaction: enqueues `gate.failed` when the uploaded report's
 * gate failed, and `finding.new_*` for findings this scan created open (not those an exception
 * accepted). Costs one query when no webhook listens.
 */
export async function enqueueScanNotifications(trx: Kysely<Tables>, s: ScanRef): Promise<void> {
  const db = notifyDb(trx);
  const wanted = await subscriptions(db, s.projectId);
  const events: EventName[] = ['gate.failed', ...NEW_FINDING_EVENTS.map(([e]) => e)];
  if (!events.some((e) => wanted(e).length)) return;
  const project = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('id', '=', s.projectId)
    .executeTakeFirstOrThrow();
  const scan = await db.selectFrom('scans').selectAll().where('id', '=', s.scanId).executeTakeFirstOrThrow();
  if (scan.gate_verdict === 'fail' && wanted('gate.failed').length)
    await enqueue(
      db,
      wanted('gate.failed'),
      project.id,
      [gateItem(project, scanSummary(scan), s.now)],
      s.now,
    );
  for (const [event, rank] of NEW_FINDING_EVENTS) {
    const to = wanted(event);
    if (to.length)
      await enqueue(db, to, project.id, await newFindingItems(db, event, rank, project, scan, s.now), s.now);
  }
}

function gateItem(project: ProjectRef, scan: ReturnType<typeof scanSummary>, now: number): Item {
  return {
    subject: `scan:${scan.id}`,
    dedupKey: `gate.failed:scan:${scan.id}`,
    notification: { event: 'gate.failed', occurredAt: iso(now)!, project, scan, path: `/scans/${scan.id}` },
  };
}

async function newFindingItems(
  db: NotifyDb,
  event: EventName,
  rank: number,
  project: ProjectRef,
  scan: Parameters<typeof scanSummary>[0],
  now: number,
): Promise<Item[]> {
  const base = db
    .selectFrom('findings')
    .where('project_id', '=', project.id)
    .where('status', '=', 'open')
    .where('severity_rank', '=', rank)
    .where('first_scan_id', '=', scan.id);
  const rows = await base
    .select([...FINDING_COLUMNS])
    .orderBy('id')
    .limit(MAX_PER_BATCH + 1)
    .execute();
  const items: Item[] = rows.slice(0, MAX_PER_BATCH).map((f) => ({
    subject: `finding:${f.id}`,
    dedupKey: `${event}:finding:${f.id}`,
    notification: {
      event,
      occurredAt: iso(now)!,
      project,
      finding: findingSummary(f),
      scan: scanSummary(scan),
      path: `/findings/${f.id}`,
    },
  }));
  if (rows.length <= MAX_PER_BATCH) return items;
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  items.push({
    subject: `scan:${scan.id}`,
    dedupKey: `${event}:scan:${scan.id}:more`,
    notification: {
      event,
      occurredAt: iso(now)!,
      project,
      scan: scanSummary(scan),
      more: { count: Number(n) - MAX_PER_BATCH },
      path: `/scans/${scan.id}`,
    },
  });
  return items;
}
