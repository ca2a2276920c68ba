import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/connect.js';
import { hashPassword, type ScryptCost, verifyPassword, weakerThan } from '../store/passwords.js';
import { createSession, purgeSessions } from '../store/sessions.js';
import { LOCK_AFTER_FAILURES, recordFailedSignIn, recordSignIn } from '../store/sign-ins.js';
import { findUserByEmail, normaliseEmail, type UserRow } from '../store/users.js';
import type { AuthSettings } from './auth-settings.js';
import { ApiError } from './errors.js';

/** One answer for an unknown e-mail and a wrong password: which one it was is not told. */
const WRONG = 'wrong e-mail or password';

const dummies = new Map<string, Promise<string>>();

/** A hash to check unknown e-mails' passwords against, so they cost the same scrypt as known ones. */
function dummyHash(cost: ScryptCost): Promise<string> {
  const key = `${cost.logN}/${cost.r}/${cost.p}`;
  const known = dummies.get(key);
  if (known) return known;
  const h = hashPassword('gatehouse: no such user', cost);
  dummies.set(key, h);
  return h;
}

type Outcome = 'unknown' | 'password' | 'locked' | 'disabled';

/** The audit log keeps who tried, from where and why it failed; never the password. */
async function refuse(
  store: Store,
  req: FastifyRequest,
  email: string,
  user: UserRow | undefined,
  outcome: Outcome,
  now: number,
): Promise<void> {
  await recordAudit(
    store.db,
    {
      actor: 'anonymous',
      action: 'session.fail',
      targetType: 'user',
      targetId: user ? String(user.id) : undefined,
      detail: { email, reason: outcome, ip: req.ip },
    },
    now,
  );
}

function lockedError(reply: FastifyReply, until: number, now: number): ApiError {
  reply.header('retry-after', String(Math.max(1, Math.ceil((until - now) / 1000))));
  return new ApiError(
    'rate_limited',
    `${LOCK_AFTER_FAILURES} failed sign-ins in a row: the account is locked until ${new Date(until).toISOString()}; try again then, or ask an administrator to set a new password`,
  );
}

/**
 * Checks e-mail and password and opens a session. The password is hashed whatever happens
 * (unknown user, locked account), so timing does not tell which e-mail addresses exist.
 */
export async function signIn(
  store: Store,
  settings: AuthSettings,
  input: { email: string; password: string },
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<{ user: UserRow; secret: string }> {
  const email = normaliseEmail(input.email);
  const user = await findUserByEmail(store.db, email);
  const ok = await verifyPassword(
    input.password,
    user?.password_hash ?? (await dummyHash(settings.passwordCost)),
  );
  const now = settings.now();
  if (!user) {
    await refuse(store, req, email, user, 'unknown', now);
    throw new ApiError('unauthorized', WRONG);
  }
  if (user.locked_until !== null && user.locked_until > now) {
    await refuse(store, req, email, user, 'locked', now);
    throw lockedError(reply, user.locked_until, now);
  }
  if (!ok) {
    await recordFailedSignIn(store.db, user, now);
    await refuse(store, req, email, user, 'password', now);
    throw new ApiError('unauthorized', WRONG);
  }
  if (user.disabled) {
    await refuse(store, req, email, user, 'disabled', now);
    throw new ApiError('forbidden', 'this account is disabled; ask an administrator');
  }
  return { user, secret: await openSession(store, settings, user, input.password, req, now) };
}

/**
 * A signed-in user proves they know their password (to change it). A stolen session must not buy
 * unlimited guesses: failures count towards the same lock as sign-ins, and a locked account
 * cannot try.
 */
export async function requireCurrentPassword(
  store: Store,
  settings: AuthSettings,
  user: UserRow,
  password: string,
  reply: FastifyReply,
): Promise<void> {
  const ok = await verifyPassword(password, user.password_hash);
  const now = settings.now();
  if (user.locked_until !== null && user.locked_until > now) throw lockedError(reply, user.locked_until, now);
  if (ok) return;
  await recordFailedSignIn(store.db, user, now);
  throw new ApiError('forbidden', 'body.currentPassword: not the current password');
}

async function openSession(
  store: Store,
  settings: AuthSettings,
  user: UserRow,
  password: string,
  req: FastifyRequest,
  now: number,
): Promise<string> {
  const upgraded = weakerThan(user.password_hash, settings.passwordCost)
    ? await hashPassword(password, settings.passwordCost)
    : undefined;
  await recordSignIn(store.db, user.id, now, upgraded);
  await purgeSessions(store.db, settings, now);
  const { secret } = await createSession(store.db, user.id, settings, now, req.headers['user-agent']);
  await recordAudit(
    store.db,
    {
      actor: user.email,
      action: 'session.create',
      targetType: 'user',
      targetId: String(user.id),
      detail: { ip: req.ip, ...(upgraded ? { passwordRehashed: true } : {}) },
    },
    now,
  );
  return secret;
}
