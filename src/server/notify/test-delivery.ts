import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/connect.js';
import { type DeliveryOptions, deliverOne } from './deliver.js';
import type { Notification } from './events.js';
import { LEASE_MS, type OutboxRow } from './outbox.js';
import { notifyDb } from './schema.js';

export interface TestDelivery {
  delivery: string;
  status: 'delivered' | 'failed';
  /** The receiver's HTTP status, when it answered. */
  httpStatus: number | null;
  /** Why it failed, with the webhook's secrets masked. */
  error: string | null;
}

/**
 * Sends a `webhook.test` notification to one webhook now, once, signed and formatted as its real
 * events are, and records it among the webhook's deliveries (so a failure shows there, and in the
 * audit log, like any other). The row is written already claimed: the delivery job never sends
 * it a second time. Jira webhooks open an issue titled as a test.
 */
export async function sendTestDelivery(
  store: Store,
  hook: { id: number; project: { id: number; name: string } | null },
  o: Omit<DeliveryOptions, 'maxAttempts'>,
): Promise<TestDelivery> {
  const db = notifyDb(store.db);
  const notification: Notification = {
    event: 'webhook.test',
    occurredAt: new Date(o.now).toISOString(),
    project: hook.project,
    path: '/settings',
  };
  const deliveryId = randomUUID();
  const row = (await db
    .insertInto('notification_outbox')
    .values({
      delivery_id: deliveryId,
      webhook_id: hook.id,
      event: notification.event,
      subject: `test:${deliveryId}`,
      dedup_key: `test:${deliveryId}`,
      project_id: hook.project?.id ?? null,
      payload: JSON.stringify(notification),
      status: 'pending',
      attempts: 1,
      next_attempt_at: o.now + LEASE_MS,
      last_attempt_at: o.now,
      created_at: o.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()) as OutboxRow;
  await deliverOne(store, row, { ...o, maxAttempts: 1 });
  const after = await db
    .selectFrom('notification_outbox')
    .select(['status', 'last_status', 'last_error'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  return {
    delivery: deliveryId,
    status: after.status === 'delivered' ? 'delivered' : 'failed',
    httpStatus: after.last_status,
    error: after.last_error,
  };
}
