import type { Store } from '../../store/connect.js';
import { DAY_MS } from '../../store/sla.js';
import { enqueue, subscriptions } from '../notify/enqueue.js';
import { iso } from '../notify/events.js';
import { notifyDb } from '../notify/schema.js';
import { exceptionSummary } from '../notify/summaries.js';

/** How long before its expiry an exception is announced. */
export const EXPIRING_WITHIN_MS = 7 * DAY_MS;

/**
 * Enqueues `exception.expiring` for approved exceptions that expire within 7 days, once per
 * exception and webhook (the outbox's dedup key), however often the job runs. Returns how many
 * exceptions are in that window.
 */
export async function notifyExpiringExceptions(store: Store, now = Date.now()): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const db = notifyDb(trx);
    const expiring = await db
      .selectFrom('exceptions')
      .leftJoin('projects', 'projects.id', 'exceptions.project_id')
      .selectAll('exceptions')
      .select('projects.name as project_name')
      .where('exceptions.status', '=', 'approved')
      .where('exceptions.expires_at', '>', now)
      .where('exceptions.expires_at', '<=', now + EXPIRING_WITHIN_MS)
      .orderBy('exceptions.id')
      .execute();
    for (const e of expiring) {
      const to = (await subscriptions(db, e.project_id))('exception.expiring');
      if (!to.length) continue;
      const project = e.project_id !== null ? { id: e.project_id, name: e.project_name ?? '' } : null;
      const item = {
        subject: `exception:${e.id}`,
        dedupKey: `exception.expiring:exception:${e.id}`,
        notification: {
          event: 'exception.expiring' as const,
          occurredAt: iso(now)!,
          project,
          exception: exceptionSummary(e),
          path: `/exceptions/${e.id}`,
        },
      };
      await enqueue(db, to, e.project_id, [item], now);
    }
    return expiring.length;
  });
}
