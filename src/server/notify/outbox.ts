import type { NotifyDb, OutboxTable } from './schema.js';

export type OutboxRow = Omit<OutboxTable, 'id'> & { id: number };

/** How long a claimed delivery is left to its worker before another may take it over. */
export const LEASE_MS = 5 * 60_000;
const MINUTE = 60_000;
const MAX_WAIT = 6 * 60 * MINUTE;

/** 1, 2, 4, 8 … minutes after the n-th failed attempt, at most 6 hours; longer if asked. */
export function backoffMs(attempts: number, retryAfterMs = 0): number {
  const wait = Math.min(MAX_WAIT, MINUTE * 2 ** Math.max(0, attempts - 1));
  return Math.min(MAX_WAIT, Math.max(wait, retryAfterMs));
}

/**
 * Claims up to `limit` due deliveries: the attempt is counted and the row leased in one update,
 * so two workers never send the same row at once, and a worker that dies mid-send only delays it.
 */
export async function claimDue(db: NotifyDb, now: number, limit: number): Promise<OutboxRow[]> {
  const due = await db
    .selectFrom('notification_outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (!due.length) return [];
  const claimed = await db
    .updateTable('notification_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: now + LEASE_MS,
      last_attempt_at: now,
    }))
    .where(
      'id',
      'in',
      due.map((d) => d.id),
    )
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .returningAll()
    .execute();
  return claimed.sort((a, b) => a.id - b.id);
}

export async function markDelivered(db: NotifyDb, row: OutboxRow, status: number | null, now: number) {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'delivered', last_status: status, last_error: null, finished_at: now })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt: retried later, or given up after `maxAttempts`. Returns true when given up. */
export async function markFailed(
  db: NotifyDb,
  row: OutboxRow,
  failure: { status: number | null; error: string; retryAfterMs?: number },
  maxAttempts: number,
  now: number,
): Promise<boolean> {
  const giveUp = row.attempts >= maxAttempts;
  await db
    .updateTable('notification_outbox')
    .set({
      last_status: failure.status,
      last_error: failure.error.slice(0, 1000),
      ...(giveUp
        ? { status: 'failed' as const, finished_at: now }
        : { next_attempt_at: now + backoffMs(row.attempts, failure.retryAfterMs) }),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  return giveUp;
}

export async function markCancelled(db: NotifyDb, row: OutboxRow, reason: string, now: number) {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'cancelled', last_error: reason, finished_at: now })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
}

/** Finished rows are kept this long (for the deliveries view), then deleted. */
export const KEEP_FINISHED_MS = 30 * 24 * 60 * MINUTE;

export async function pruneFinished(db: NotifyDb, now: number): Promise<number> {
  const r = await db
    .deleteFrom('notification_outbox')
    .where('status', '!=', 'pending')
    .where('finished_at', '<', now - KEEP_FINISHED_MS)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
