import { z } from 'zod';
import { DAY_MS } from '../../store/sla.js';
import type { Principal } from '../auth.js';
import { ApiError } from '../errors.js';
import type { ServerContext } from '../route.js';
import { projectByName } from './projects.js';

// The query parameters the metrics share, and how they become a scope and a window.

/** Without `from`, the window is the 90 days before `to`. */
const DEFAULT_WINDOW_DAYS = 90;

const TIME = /^(\d{1,15}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?)$/;
const time = (what: string) =>
  z
    .string()
    .regex(TIME, 'an ISO 8601 date or date-time, or epoch milliseconds')
    .optional()
    .describe(`${what}: ISO 8601 date or date-time (UTC unless a zone is given) or epoch milliseconds`);
export const project = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('Project name (a project-scoped credential sees only its own)');
export const scanner = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe('Only findings of this scanner (sast, sca, secrets, iac, …)');
export const windowed = {
  project,
  from: time('Window start, included (default: 90 days before `to`)'),
  to: time('Window end, excluded (default: now)'),
};
export const daysParam = (dflt: number) => z.coerce.number().int().min(1).max(366).default(dflt);

function parseTime(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const zoned = text.length > 10 && !/(Z|[+-]\d{2}:\d{2})$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(zoned);
  if (Number.isNaN(ms)) throw new ApiError('bad_request', `query.${name}: not a valid date`);
  return ms;
}

/** [from, to): `to` defaults to now, `from` to 90 days before `to`. */
export function windowOf(q: { from?: string; to?: string }, now: number) {
  const to = parseTime(q.to, 'to') ?? now;
  const from = parseTime(q.from, 'from') ?? to - DEFAULT_WINDOW_DAYS * DAY_MS;
  if (from >= to) throw new ApiError('bad_request', 'query.from must be before query.to');
  return { from, to };
}

/** The project asked for (if the credential may see it), else the credential's own, else all. */
export async function scopeOf(ctx: ServerContext, principal: Principal, name: string | undefined) {
  if (name !== undefined) {
    const p = await projectByName(ctx, principal, name);
    return { projectId: p.id, project: p.name as string | null };
  }
  if (principal.projectId === null) return { projectId: null, project: null };
  const own = await ctx.store.db
    .selectFrom('projects')
    .select('name')
    .where('id', '=', principal.projectId)
    .executeTakeFirst();
  return { projectId: principal.projectId, project: own?.name ?? null };
}
