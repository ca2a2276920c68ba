import { ApiError } from '../errors.js';
import type { ServerContext } from '../route.js';

/** A project named by id in a body (a user's or token's scope) must exist. */
export async function requireProjectId(ctx: ServerContext, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const found = await ctx.store.db
    .selectFrom('projects')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw new ApiError('bad_request', `body.projectId: no project ${id}`);
}
