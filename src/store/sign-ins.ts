import type { Kysely } from 'kysely';
import { recordAudit } from './audit.js';
import type { Tables } from './schema.js';

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCK_AFTER_FAILURES = 10;
export const LOCK_MS = 15 * 60_000;

/**
 * Counts a wrong password; the tenth in a row locks the account and restarts the count. The
 * increment is one statement, so concurrent guesses are all counted.
 */
export async function recordFailedSignIn(
  db: Kysely<Tables>,
  user: { id: number; email: string },
  now: number,
): Promise<{ lockedUntil: number | null }> {
  const { failed_logins } = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  if (failed_logins < LOCK_AFTER_FAILURES) return { lockedUntil: null };
  const lockedUntil = now + LOCK_MS;
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: lockedUntil })
    .where('id', '=', user.id)
    .execute();
  await recordAudit(
    db,
    {
      actor: 'system',
      action: 'user.lock',
      targetType: 'user',
      targetId: String(user.id),
      detail: {
        email: user.email,
        failures: LOCK_AFTER_FAILURES,
        lockedUntil: new Date(lockedUntil).toISOString(),
      },
    },
    now,
  );
  return { lockedUntil };
}

/** A successful sign-in clears the count and the lock; a weaker stored hash is replaced. */
export async function recordSignIn(
  db: Kysely<Tables>,
  userId: number,
  now: number,
  upgradedHash?: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      failed_logins: 0,
      locked_until: null,
      last_login_at: now,
      ...(upgradedHash ? { password_hash: upgradedHash } : {}),
    })
    .where('id', '=', userId)
    .execute();
}
