import { z } from 'zod';
import { createToken, listTokens, ROLES, revokeToken, type TokenView } from '../../store/tokens.js';
import { requireEveryProject } from '../auth.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { requireProjectId } from './project-ref.js';

const Token = z.object({
  id: z.number(),
  name: z.string(),
  role: z.enum(ROLES),
  projectId: z.number().nullable(),
  prefix: z.string().describe('the first characters of the token, to tell tokens apart'),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable().describe('to the minute'),
  revokedAt: z.string().nullable(),
});

const Id = z.object({ id: z.coerce.number().int().min(1) });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function present(t: TokenView): z.infer<typeof Token> {
  return {
    ...t,
    createdAt: iso(t.createdAt)!,
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

export function tokenRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/tokens',
      tag: 'tokens',
      summary: 'The API tokens (never the tokens themselves: only their first characters).',
      action: 'admin',
      query: z.object({
        revoked: z.enum(['true', 'false']).default('false').describe('include revoked tokens'),
      }),
      response: z.object({ tokens: z.array(Token) }),
      async handler({ query, principal }) {
        requireEveryProject(principal);
        const tokens = await listTokens(ctx.store.db, { revoked: query.revoked === 'true' });
        return { tokens: tokens.map(present) };
      },
    },
    {
      method: 'POST',
      url: '/tokens',
      tag: 'tokens',
      summary:
        'Create an API token for a pipeline or script; the token is in this answer only (its hash is stored).',
      action: 'admin',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        role: z.enum(ROLES),
        projectId: z.number().int().min(1).nullable().optional().describe('limit the token to this project'),
      }),
      response: z.object({
        token: Token,
        value: z.string().describe('the token itself: shown once, keep it'),
      }),
      status: 201,
      async handler({ body, principal }) {
        requireEveryProject(principal);
        await requireProjectId(ctx, body.projectId);
        const { id, token } = await createToken(ctx.store.db, {
          name: body.name,
          role: body.role,
          projectId: body.projectId ?? null,
          createdBy: principal.actor,
        });
        const [view] = await listTokens(ctx.store.db, { revoked: false, id });
        return { token: present(view!), value: token };
      },
    },
    {
      method: 'DELETE',
      url: '/tokens/:id',
      tag: 'tokens',
      summary: 'Revoke a token: requests with it are refused from now on.',
      action: 'admin',
      params: Id,
      response: z.object({ revoked: z.literal(true), id: z.number() }),
      async handler({ params, principal }) {
        requireEveryProject(principal);
        if (!(await revokeToken(ctx.store.db, params.id, principal.actor)))
          throw new ApiError('not_found', `no live token ${params.id}`);
        return { revoked: true as const, id: params.id };
      },
    },
  ];
}
