import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, Tables } from './schema.js';

const HOUR_MS = 3_600_000;

/** How long a session lives: it ends after `idleMs` without a request, and `lifetimeMs` after sign-in. */
export interface SessionPolicy {
  idleMs: number;
  lifetimeMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * HOUR_MS, lifetimeMs: 7 * 24 * HOUR_MS };

/** last_seen_at is written at most this often: a burst of requests is not a burst of writes. */
const TOUCH_MS = 60_000;
/** 32 random bytes in base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  projectId: number | null;
}

export interface LiveSession {
  /** The SHA-256 of the secret, as stored. */
  id: string;
  user: SessionUser;
  expiresAt: number;
}

/** Starts a session; the secret is returned for the cookie and exists nowhere else. */
export async function createSession(
  db: Kysely<Tables>,
  userId: number,
  policy: SessionPolicy,
  now: number,
  userAgent?: string,
): Promise<{ secret: string; id: string; expiresAt: number }> {
  const secret = randomBytes(32).toString('base64url');
  const id = hashSessionSecret(secret);
  const expiresAt = now + policy.lifetimeMs;
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      user_agent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { secret, id, expiresAt };
}

/**
 * The session this secret opens, if it is neither idle past the policy nor older than its
 * lifetime and its user is not disabled. The policy in force applies to older sessions too.
 */
export async function findSession(
  db: Kysely<Tables>,
  secret: string,
  policy: SessionPolicy,
  now: number,
): Promise<LiveSession | undefined> {
  if (!SECRET.test(secret)) return undefined;
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.email',
      'users.name',
      'users.role',
      'users.project_id',
    ])
    .where('sessions.id', '=', hashSessionSecret(secret))
    .where('sessions.expires_at', '>', now)
    .where('sessions.created_at', '>', now - policy.lifetimeMs)
    .where('sessions.last_seen_at', '>', now - policy.idleMs)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now - row.last_seen_at >= TOUCH_MS)
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.id).execute();
  return {
    id: row.id,
    expiresAt: row.expires_at,
    user: { id: row.user_id, email: row.email, name: row.name, role: row.role, projectId: row.project_id },
  };
}

export async function deleteSession(db: Kysely<Tables>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user but `except`; how many ended. */
export async function deleteUserSessions(
  db: Kysely<Tables>,
  userId: number,
  except?: string,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) q = q.where('id', '!=', except);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Deletes sessions no request can use any more (run at each sign-in, so the table stays small). */
export async function purgeSessions(db: Kysely<Tables>, policy: SessionPolicy, now: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', now),
        eb('created_at', '<=', now - policy.lifetimeMs),
        eb('last_seen_at', '<=', now - policy.idleMs),
      ]),
    )
    .execute();
}
