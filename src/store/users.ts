import type { Kysely, Selectable } from 'kysely';
import { recordAudit } from './audit.js';
import { hashPassword, type ScryptCost } from './passwords.js';
import type { Role, Tables, UserTable } from './schema.js';
import { deleteUserSessions } from './sessions.js';

/** Roles a person can have; `ci` is for pipelines' tokens. */
export const USER_ROLES = ['admin', 'security', 'developer', 'auditor'] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

/** A user as answered and listed: never the password hash. */
export interface UserView {
  id: number;
  email: string;
  name: string;
  role: Role;
  projectId: number | null;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
  lockedUntil: number | null;
}

export type UserRow = Selectable<UserTable>;

/** E-mail addresses compare without case: `Ana@Example.com` and `ana@example.com` are one user. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function userView(r: UserRow): UserView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    projectId: r.project_id,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
    lastLoginAt: r.last_login_at,
    lockedUntil: r.locked_until,
  };
}

export interface Changed {
  actor: string;
  now: number;
  /** scrypt cost of new password hashes. */
  cost?: ScryptCost;
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  projectId: number | null;
  password: string;
}

export async function findUserByEmail(db: Kysely<Tables>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export async function findUser(db: Kysely<Tables>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Kysely<Tables>): Promise<UserView[]> {
  return (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(userView);
}

/** Adds a user; the caller has checked that the e-mail is free (it is unique in the table). */
export async function createUser(db: Kysely<Tables>, u: NewUser, c: Changed): Promise<UserView> {
  const passwordHash = await hashPassword(u.password, c.cost);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        email: normaliseEmail(u.email),
        name: u.name,
        role: u.role,
        project_id: u.projectId,
        password_hash: passwordHash,
        created_at: c.now,
        disabled: 0,
        locked_until: null,
        last_login_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor: c.actor,
        action: 'user.create',
        targetType: 'user',
        targetId: String(row.id),
        detail: { email: row.email, role: row.role, projectId: row.project_id },
      },
      c.now,
    );
    return userView(row);
  });
}

export interface UserChanges {
  name?: string;
  role?: UserRole;
  disabled?: boolean;
  projectId?: number | null;
  password?: string;
}

/** What a change does to the user's standing: any of these signs them out everywhere. */
function endsSessions(before: UserRow, ch: UserChanges): boolean {
  return (
    ch.password !== undefined ||
    (ch.role !== undefined && ch.role !== before.role) ||
    (ch.projectId !== undefined && ch.projectId !== before.project_id) ||
    (ch.disabled === true && before.disabled === 0)
  );
}

/** The changes as the audit log keeps them: old and new values, and never the password. */
function auditDetail(before: UserRow, after: UserRow, ch: UserChanges, sessionsEnded: number) {
  const fields: Record<string, { from: unknown; to: unknown }> = {};
  const pairs: [string, unknown, unknown][] = [
    ['name', before.name, after.name],
    ['role', before.role, after.role],
    ['disabled', before.disabled === 1, after.disabled === 1],
    ['projectId', before.project_id, after.project_id],
  ];
  for (const [k, from, to] of pairs) if (from !== to) fields[k] = { from, to };
  return { email: after.email, ...fields, passwordReset: ch.password !== undefined, sessionsEnded };
}

/**
 * Changes a user; the password, role, scope or disabling end every session of theirs, in the same
 * transaction, so no request sees the new rights with an old session. Undefined: no such user.
 */
export async function updateUser(
  db: Kysely<Tables>,
  id: number,
  ch: UserChanges,
  c: Changed,
): Promise<UserView | undefined> {
  const passwordHash = ch.password === undefined ? undefined : await hashPassword(ch.password, c.cost);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) return undefined;
    const after = await trx
      .updateTable('users')
      .set({
        ...(ch.name !== undefined ? { name: ch.name } : {}),
        ...(ch.role !== undefined ? { role: ch.role } : {}),
        ...(ch.disabled !== undefined ? { disabled: ch.disabled ? 1 : 0 } : {}),
        ...(ch.projectId !== undefined ? { project_id: ch.projectId } : {}),
        // A new password is a fresh start: an administrator's reset also unlocks the account.
        ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const ended = endsSessions(before, ch) ? await deleteUserSessions(trx, id) : 0;
    await recordAudit(
      trx,
      {
        actor: c.actor,
        action: 'user.update',
        targetType: 'user',
        targetId: String(id),
        detail: auditDetail(before, after, ch, ended),
      },
      c.now,
    );
    return userView(after);
  });
}

/** A user changes their own password: their other sessions end (how many: the answer), this one stays. */
export async function changeOwnPassword(
  db: Kysely<Tables>,
  user: { id: number; email: string },
  password: string,
  keepSession: string,
  c: Changed,
): Promise<number> {
  const passwordHash = await hashPassword(password, c.cost);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const ended = await deleteUserSessions(trx, user.id, keepSession);
    await recordAudit(
      trx,
      {
        actor: c.actor,
        action: 'user.password',
        targetType: 'user',
        targetId: String(user.id),
        detail: { email: user.email, sessionsEnded: ended },
      },
      c.now,
    );
    return ended;
  });
}
