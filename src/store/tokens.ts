import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from './audit.js';
import type { Role, Tables } from './schema.js';

export const ROLES = ['admin', 'security', 'developer', 'auditor', 'ci'] as const satisfies readonly Role[];
const PREFIX = 'gh_';

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewToken {
  role: Role;
  name: string;
  projectId: number | null;
  createdBy: string;
}

/** Creates a token and returns it: the only time it exists outside the caller's hands. */
export async function createToken(
  db: Kysely<Tables>,
  t: NewToken,
  now = Date.now(),
): Promise<{ id: number; token: string }> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const { id } = await db
    .insertInto('tokens')
    .values({
      name: t.name,
      role: t.role,
      project_id: t.projectId,
      hash: hashToken(token),
      prefix: token.slice(0, PREFIX.length + 6),
      created_at: now,
      created_by: t.createdBy,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    db,
    {
      actor: t.createdBy,
      action: 'token.create',
      targetType: 'token',
      targetId: String(id),
      projectId: t.projectId ?? undefined,
      detail: { name: t.name, role: t.role },
    },
    now,
  );
  return { id, token };
}

export interface TokenPrincipal {
  tokenId: number;
  name: string;
  role: Role;
  projectId: number | null;
}

/** last_used_at is written at most this often: a pipeline's burst of requests is one write. */
const TOUCH_MS = 60_000;

/** The live token with this value, or undefined; a revoked or malformed token is no token. */
export async function findToken(
  db: Kysely<Tables>,
  token: string,
  now = Date.now(),
): Promise<TokenPrincipal | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'name', 'role', 'project_id', 'last_used_at'])
    .where('hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.last_used_at === null || now - row.last_used_at >= TOUCH_MS)
    await db.updateTable('tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
  return { tokenId: row.id, name: row.name, role: row.role, projectId: row.project_id };
}

/** A token as listed: what it is and who made it, never its hash. */
export interface TokenView {
  id: number;
  name: string;
  role: Role;
  projectId: number | null;
  /** The first characters, to tell tokens apart. */
  prefix: string;
  createdAt: number;
  createdBy: string;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

/** Live tokens (and revoked ones with `revoked`), oldest first; `id` picks one. */
export async function listTokens(
  db: Kysely<Tables>,
  opts: { revoked: boolean; id?: number },
): Promise<TokenView[]> {
  let q = db
    .selectFrom('tokens')
    .select([
      'id',
      'name',
      'role',
      'project_id',
      'prefix',
      'created_at',
      'created_by',
      'last_used_at',
      'revoked_at',
    ])
    .orderBy('id');
  if (!opts.revoked) q = q.where('revoked_at', 'is', null);
  if (opts.id !== undefined) q = q.where('id', '=', opts.id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    projectId: r.project_id,
    prefix: r.prefix,
    createdAt: r.created_at,
    createdBy: r.created_by,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a live token at once; false when there is no live token with this id. */
export async function revokeToken(
  db: Kysely<Tables>,
  id: number,
  actor: string,
  now = Date.now(),
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning(['name', 'role', 'project_id'])
      .executeTakeFirst();
    if (!row) return false;
    await recordAudit(
      trx,
      {
        actor,
        action: 'token.revoke',
        targetType: 'token',
        targetId: String(id),
        projectId: row.project_id ?? undefined,
        detail: { name: row.name, role: row.role },
      },
      now,
    );
    return true;
  });
}
