import type { Store } from '../../store/connect.js';
import { DAY_MS } from '../../store/sla.js';
import { enqueue, type Item, MAX_PER_BATCH, subscriptions } from '../notify/enqueue.js';
import { iso, type ProjectRef } from '../notify/events.js';
import { type NotifyDb, notifyDb } from '../notify/schema.js';
import { FINDING_COLUMNS, findingSummary } from '../notify/summaries.js';

const WATERMARK = 'sla.breach';
/** A first run looks back this far, not over every finding ever overdue. */
const FIRST_LOOKBACK_MS = DAY_MS;
const OPEN_LIKE = ['open', 'confirmed', 'in_progress'] as const;

/**
 * Enqueues `sla.breach` for open findings whose SLA due date passed since the last run (a
 * watermark kept with the outbox, in one transaction): each breach is notified once, a run
 * twice or late changes nothing. Returns the number of breaches seen.
 */
export async function notifySlaBreaches(store: Store, now = Date.now()): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const db = notifyDb(trx);
    const mark = await db
      .selectFrom('notification_watermarks')
      .select('value')
      .where('name', '=', WATERMARK)
      .executeTakeFirst();
    const since = mark ? Number(mark.value) : now - FIRST_LOOKBACK_MS;
    if (since >= now) return 0;
    let seen = 0;
    for (const { project_id, n } of await breachesByProject(db, since, now)) {
      seen += Number(n);
      const to = (await subscriptions(db, project_id))('sla.breach');
      if (to.length)
        await enqueue(db, to, project_id, await breachItems(db, project_id, Number(n), since, now), now);
    }
    await db
      .insertInto('notification_watermarks')
      .values({ name: WATERMARK, value: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: now }))
      .execute();
    return seen;
  });
}

function breached(db: NotifyDb, since: number, now: number) {
  return db
    .selectFrom('findings')
    .where('findings.status', 'in', OPEN_LIKE)
    .where('findings.sla_due_at', '>', since)
    .where('findings.sla_due_at', '<=', now);
}

async function breachesByProject(db: NotifyDb, since: number, now: number) {
  return breached(db, since, now)
    .select(['findings.project_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('findings.project_id')
    .execute();
}

async function breachItems(
  db: NotifyDb,
  projectId: number,
  count: number,
  since: number,
  now: number,
): Promise<Item[]> {
  const project: ProjectRef = await db
    .selectFrom('projects')
    .select(['id', 'name'])
    .where('id', '=', projectId)
    .executeTakeFirstOrThrow();
  const rows = await breached(db, since, now)
    .where('findings.project_id', '=', projectId)
    .select([...FINDING_COLUMNS])
    .orderBy('findings.severity_rank', 'desc')
    .orderBy('findings.id')
    .limit(MAX_PER_BATCH)
    .execute();
  const items: Item[] = rows.map((f) => ({
    subject: `finding:${f.id}`,
    dedupKey: `sla.breach:finding:${f.id}:${f.sla_due_at}`,
    notification: {
      event: 'sla.breach',
      occurredAt: iso(f.sla_due_at)!,
      project,
      finding: findingSummary(f),
      path: `/findings/${f.id}`,
    },
  }));
  if (count > rows.length)
    items.push({
      subject: `project:${projectId}`,
      dedupKey: `sla.breach:project:${projectId}:${since}-${now}:more`,
      notification: {
        event: 'sla.breach',
        occurredAt: iso(now)!,
        project,
        more: { count: count - rows.length },
        path: `/findings?project=${encodeURIComponent(project.name)}&sla=overdue`,
      },
    });
  return items;
}
