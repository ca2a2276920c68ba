import type { Selectable, Transaction } from 'kysely';
import { recordAudit } from './audit.js';
import type { Dialect, Store } from './connect.js';
import { lockProject } from './project-lock.js';
import type { ProjectTable, Tables, Tier } from './schema.js';
import { getSetting } from './settings.js';
import { lockSlaPolicy } from './sla.js';
import { recomputeDueDates } from './sla-recompute.js';
import { TeamError } from './teams.js';

/** What people set on a project (the first upload created it); absent fields stay as they are. */
export interface ProjectPatch {
  tier?: Tier;
  /** The owner team; null: no owner. */
  teamId?: number | null;
  repository?: string | null;
  defaultBranch?: string | null;
}

type Settings = Required<ProjectPatch>;

/**
 * Applies the patch in one transaction with its audit entry (before and after of what changed).
 * A new tier moves the due dates of the project's open-like findings to the new tier's days, in
 * the same transaction; answers how many moved. An unknown team is refused (TeamError).
 */
export async function updateProject(
  store: Store,
  projectId: number,
  patch: ProjectPatch,
  actor: string,
  now: number,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    // The order ingest takes them in: the project's lock, then the policy's.
    await lockProject(trx, store.dialect, projectId);
    await lockSlaPolicy(trx, store.dialect, 'read');
    const before = settingsOf(
      await trx.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow(),
    );
    if (patch.teamId !== undefined && patch.teamId !== null)
      await requireTeam(trx, store.dialect, patch.teamId);
    const changed = (Object.keys(patch) as (keyof Settings)[]).filter(
      (k) => patch[k] !== undefined && patch[k] !== before[k],
    );
    if (changed.length === 0) return 0;
    const after: Settings = { ...before, ...patch };
    await trx
      .updateTable('projects')
      .set({
        tier: after.tier,
        team_id: after.teamId,
        repository: after.repository,
        default_branch: after.defaultBranch,
      })
      .where('id', '=', projectId)
      .execute();
    const moved = changed.includes('tier')
      ? await recomputeDueDates(trx, {
          projectId,
          restartOnReopen: await getSetting(trx, 'sla.restartOnReopen'),
          now,
        })
      : 0;
    const pick = (s: Settings) => Object.fromEntries(changed.map((k) => [k, s[k]]));
    await recordAudit(
      trx,
      {
        actor,
        action: 'project.update',
        targetType: 'project',
        targetId: String(projectId),
        projectId,
        detail: { before: pick(before), after: pick(after), dueDatesMoved: moved },
      },
      now,
    );
    return moved;
  });
}

function settingsOf(p: Selectable<ProjectTable>): Settings {
  return { tier: p.tier, teamId: p.team_id, repository: p.repository, defaultBranch: p.default_branch };
}

/** The team exists, and (PostgreSQL) cannot be deleted before this transaction commits. */
async function requireTeam(trx: Transaction<Tables>, dialect: Dialect, id: number): Promise<void> {
  const team = await trx
    .selectFrom('teams')
    .select('id')
    .where('id', '=', id)
    .$if(dialect === 'postgres', (q) => q.forKeyShare())
    .executeTakeFirst();
  if (!team) throw new TeamError('not_found', `no team #${id}`);
}
