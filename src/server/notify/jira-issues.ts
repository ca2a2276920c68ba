import { LEASE_MS } from './outbox.js';
import type { NotifyDb } from './schema.js';

export type Reservation = { kind: 'reserved' } | { kind: 'exists'; key: string } | { kind: 'busy' };

/**
 * Before a tracker webhook opens an issue for a subject, it reserves the (webhook, subject) pair:
 * a subject with an issue never gets a second one, and two deliveries about the same finding
 * (new critical, then SLA breach) cannot both open one. A reservation left by a dead worker is
 * taken over once its lease has passed.
 */
export async function reserveIssue(
  db: NotifyDb,
  webhookId: number,
  subject: string,
  now: number,
): Promise<Reservation> {
  const inserted = await db
    .insertInto('webhook_issues')
    .values({ webhook_id: webhookId, subject, issue_key: null, reserved_at: now, created_at: null })
    .onConflict((oc) => oc.columns(['webhook_id', 'subject']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { kind: 'reserved' };
  const row = await db
    .selectFrom('webhook_issues')
    .select(['issue_key', 'reserved_at'])
    .where('webhook_id', '=', webhookId)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (row?.issue_key) return { kind: 'exists', key: row.issue_key };
  if (!row || row.reserved_at > now - LEASE_MS) return { kind: 'busy' };
  const taken = await db
    .updateTable('webhook_issues')
    .set({ reserved_at: now })
    .where('webhook_id', '=', webhookId)
    .where('subject', '=', subject)
    .where('issue_key', 'is', null)
    .where('reserved_at', '=', row.reserved_at)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0 ? { kind: 'reserved' } : { kind: 'busy' };
}

export async function confirmIssue(
  db: NotifyDb,
  webhookId: number,
  subject: string,
  key: string,
  now: number,
) {
  await db
    .updateTable('webhook_issues')
    .set({ issue_key: key, created_at: now })
    .where('webhook_id', '=', webhookId)
    .where('subject', '=', subject)
    .execute();
}

/** The issue was not created: free the subject for the next attempt. */
export async function releaseIssue(db: NotifyDb, webhookId: number, subject: string) {
  await db
    .deleteFrom('webhook_issues')
    .where('webhook_id', '=', webhookId)
    .where('subject', '=', subject)
    .where('issue_key', 'is', null)
    .execute();
}

/** The issue keys opened for findings, for the finding's page. */
export async function issuesOfFinding(
  db: NotifyDb,
  findingId: number,
): Promise<{ webhookId: number; key: string }[]> {
  const rows = await db
    .selectFrom('webhook_issues')
    .select(['webhook_id', 'issue_key'])
    .where('subject', '=', `finding:${findingId}`)
    .where('issue_key', 'is not', null)
    .execute();
  return rows.map((r) => ({ webhookId: r.webhook_id, key: r.issue_key! }));
}
