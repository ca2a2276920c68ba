import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from './audit.js';
import type { Dialect, Store } from './connect.js';
import type { Tables } from './schema.js';

/** Why a team change was refused; the codes are the API's. */
export class TeamError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export interface TeamRow {
  id: number;
  name: string;
  created_at: number;
}

export interface TeamView extends TeamRow {
  /** Projects the team owns (for a project-scoped credential: of those it can see). */
  projects: number;
}

export interface TeamFilter {
  /** A project-scoped credential's project: it sees only that project's team. */
  projectId: number | null;
  teamId?: number;
}

/** Teams by name, with how many projects each owns. */
export async function listTeams(db: Kysely<Tables>, f: TeamFilter): Promise<TeamView[]> {
  let q = db
    .selectFrom('teams')
    .leftJoin('projects', 'projects.team_id', 'teams.id')
    .select([
      'teams.id',
      'teams.name',
      'teams.created_at',
      (eb) => eb.fn.count<number>('projects.id').as('n'),
    ])
    .groupBy(['teams.id', 'teams.name', 'teams.created_at'])
    .orderBy('teams.name');
  if (f.projectId !== null) q = q.where('projects.id', '=', f.projectId);
  if (f.teamId !== undefined) q = q.where('teams.id', '=', f.teamId);
  const rows = await q.execute();
  return rows.map(({ n, ...t }) => ({ ...t, projects: Number(n) }));
}

export async function createTeam(store: Store, name: string, actor: string, now: number): Promise<TeamRow> {
  return store.db.transaction().execute(async (trx) => {
    const team = await uniquely(name, () =>
      trx
        .insertInto('teams')
        .values({ name, created_at: now })
        .returning(['id', 'name', 'created_at'])
        .executeTakeFirstOrThrow(),
    );
    await audit(trx, actor, 'team.create', team.id, { after: { name } }, now);
    return team;
  });
}

export async function renameTeam(
  store: Store,
  id: number,
  name: string,
  actor: string,
  now: number,
): Promise<TeamRow> {
  return store.db.transaction().execute(async (trx) => {
    const team = await lockedTeam(trx, store.dialect, id);
    if (team.name === name) return team;
    await uniquely(name, () => trx.updateTable('teams').set({ name }).where('id', '=', id).execute());
    await audit(trx, actor, 'team.rename', id, { before: { name: team.name }, after: { name } }, now);
    return { ...team, name };
  });
}

/**
 * Deletes a team nothing refers to. Projects it owns must move first; exceptions that name it
 * (even expired or revoked ones: they are history) keep it forever, so such a team is renamed
 * instead.
 */
export async function deleteTeam(store: Store, id: number, actor: string, now: number): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const team = await lockedTeam(trx, store.dialect, id);
    const projects = await trx.selectFrom('projects').select('name').where('team_id', '=', id).execute();
    const { n } = await trx
      .selectFrom('exceptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('team_id', '=', id)
      .executeTakeFirstOrThrow();
    const refusal = deleteRefusal(team.name, projects, Number(n));
    if (refusal) throw new TeamError('conflict', refusal);
    await trx.deleteFrom('teams').where('id', '=', id).execute();
    await audit(trx, actor, 'team.delete', id, { before: { name: team.name } }, now);
  });
}

function deleteRefusal(team: string, projects: { name: string }[], exceptions: number): string | null {
  if (projects.length > 0) {
    const names = projects.slice(0, 5).map((p) => p.name);
    const more = projects.length > 5 ? ', …' : '';
    return `team ${team} still owns ${projects.length} project(s) (${names.join(', ')}${more}): give them another owner first (PATCH /api/v1/projects/{name} with teamId)`;
  }
  if (exceptions > 0)
    return `team ${team} is named by ${exceptions} exception(s), which keep it as history: rename the team instead`;
  return null;
}

/** The team, locked against deletion and renames until commit (PostgreSQL), or not found. */
async function lockedTeam(trx: Transaction<Tables>, dialect: Dialect, id: number): Promise<TeamRow> {
  const team = await trx
    .selectFrom('teams')
    .select(['id', 'name', 'created_at'])
    .where('id', '=', id)
    .$if(dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!team) throw new TeamError('not_found', `no team #${id}`);
  return team;
}

/** Runs a write that may break the unique team name, turning that into a conflict. */
async function uniquely<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')
      throw new TeamError('conflict', `a team named ${name} already exists`);
    throw e;
  }
}

function audit(
  trx: Transaction<Tables>,
  actor: string,
  action: string,
  id: number,
  detail: unknown,
  now: number,
): Promise<void> {
  return recordAudit(trx, { actor, action, targetType: 'team', targetId: String(id), detail }, now);
}
