import { UserError } from '../core/errors.js';
import { recordAudit } from '../store/audit.js';
import type { Store } from '../store/connect.js';

/** The operator's identity in the audit log: the OS user who ran the command. */
export function operator(): string {
  return `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;
}

/** The id of the project named `name`, created (and audited) when it does not exist yet. */
export async function ensureProject(store: Store, name: string, actor: string): Promise<number> {
  if (!/^[\w.@/-]{1,200}$/.test(name))
    throw new UserError(`--project ${name}: use letters, digits and . _ - / @ only`);
  const found = await store.db
    .selectFrom('projects')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const now = Date.now();
  const { id } = await store.db
    .insertInto('projects')
    .values({ name, repository: null, default_branch: null, tier: 'medium', team_id: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(
    store.db,
    {
      actor,
      action: 'project.create',
      targetType: 'project',
      targetId: String(id),
      projectId: id,
      detail: { name },
    },
    now,
  );
  return id;
}
