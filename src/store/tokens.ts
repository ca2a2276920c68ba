import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from './audit.js';
import type { Role, Tables } from './schema.js';

export const ROLES: readonly Role[] = ['admin', 'security', 'developer', 'auditor', 'ci'];
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

/** The live token with this value, or undefined; a revoked or malformed token is no token. */
export async function findToken(db: Kysely<Tables>, token: string): Promise<TokenPrincipal | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const row = await db
    .selectFrom('tokens')
    .select(['id', 'name', 'role', 'project_id'])
    .where('hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? { tokenId: row.id, name: row.name, role: row.role, projectId: row.project_id } : undefined;
}
