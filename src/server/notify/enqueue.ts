import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { EventName, Notification } from './events.js';
import type { NotifyDb, OutboxTable } from './schema.js';

/** Subjects of one event enqueued at once; past this, one summary stands for the rest. */
export const MAX_PER_BATCH = 50;
const INSERT_CHUNK = 500;

export interface Item {
  /** `finding:12`, `scan:7`, `exception:3`: what a tracker opens one issue for. */
  subject: string;
  /** Unique per webhook: the same key enqueued twice is one notification. */
  dedupKey: string;
  notification: Notification;
}

/** Which live webhooks want which event, for events of one project (null: unscoped only). */
export type Subscriptions = (event: EventName) => number[];

export async function subscriptions(db: NotifyDb, projectId: number | null): Promise<Subscriptions> {
  const rows = await db
    .selectFrom('webhooks')
    .select(['id', 'events', 'project_id'])
    .where('deleted_at', 'is', null)
    .execute();
  const hooks = rows
    .filter((r) => r.project_id === null || r.project_id === projectId)
    .map((r) => ({ id: r.id, events: new Set(JSON.parse(r.events) as string[]) }));
  return (event) => hooks.filter((h) => h.events.has(event)).map((h) => h.id);
}

/**
 * Writes the outbox rows of `items` for every webhook in `to`, in the caller's transaction; rows
 * whose (webhook, dedup key) exist already are skipped, so producers may run again safely.
 */
export async function enqueue(
  db: NotifyDb,
  to: readonly number[],
  projectId: number | null,
  items: readonly Item[],
  now: number,
): Promise<void> {
  const rows: Insertable<OutboxTable>[] = to.flatMap((webhookId) =>
    items.map((i) => ({
      delivery_id: randomUUID(),
      webhook_id: webhookId,
      event: i.notification.event,
      subject: i.subject,
      dedup_key: i.dedupKey,
      project_id: projectId,
      payload: JSON.stringify(i.notification),
      status: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      created_at: now,
    })),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await db
      .insertInto('notification_outbox')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .onConflict((oc) => oc.columns(['webhook_id', 'dedup_key']).doNothing())
      .execute();
}
