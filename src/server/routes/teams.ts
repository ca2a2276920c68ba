import { z } from 'zod';
import type { Store } from '../../store/connect.js';
import {
  createTeam,
  deleteTeam,
  listTeams,
  renameTeam,
  TeamError,
  type TeamView,
} from '../../store/teams.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { requireServerWide } from './server-wide.js';

const Team = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  projects: z.number().describe('projects the team owns (that the credential can see)'),
});

const IdParams = z.object({ id: z.coerce.number().int().min(1) });

const NameBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters'),
});

const view = (t: TeamView) => ({
  id: t.id,
  name: t.name,
  createdAt: new Date(t.created_at).toISOString(),
  projects: t.projects,
});

/** Runs a team change; its refusals are the API's errors. */
async function change<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof TeamError) throw new ApiError(e.code, e.message);
    throw e;
  }
}

async function teamById(store: Store, id: number) {
  const [team] = await listTeams(store.db, { projectId: null, teamId: id });
  return view(team!);
}

export function teamRoutes(ctx: ServerContext): AnyRoute[] {
  return [
    {
      method: 'GET',
      url: '/teams',
      tag: 'teams',
      summary:
        'Teams by name with how many projects each owns; a project-scoped credential sees only its project’s team.',
      action: 'read',
      response: z.object({ teams: z.array(Team) }),
      async handler({ principal }) {
        return { teams: (await listTeams(ctx.store.db, { projectId: principal.projectId })).map(view) };
      },
    },
    {
      method: 'POST',
      url: '/teams',
      tag: 'teams',
      summary: 'Create a team (names are unique). Give it projects with PATCH /projects/{name}.',
      action: 'admin',
      body: NameBody,
      status: 201,
      response: z.object({ team: Team }),
      async handler({ body, principal }) {
        requireServerWide(principal, 'teams');
        const team = await change(() => createTeam(ctx.store, body.name, principal.actor, Date.now()));
        return { team: await teamById(ctx.store, team.id) };
      },
    },
    {
      method: 'PATCH',
      url: '/teams/:id',
      tag: 'teams',
      summary: 'Rename a team; exceptions and projects follow it (they refer to its id).',
      action: 'admin',
      params: IdParams,
      body: NameBody,
      response: z.object({ team: Team }),
      async handler({ params, body, principal }) {
        requireServerWide(principal, 'teams');
        await change(() => renameTeam(ctx.store, params.id, body.name, principal.actor, Date.now()));
        return { team: await teamById(ctx.store, params.id) };
      },
    },
    {
      method: 'DELETE',
      url: '/teams/:id',
      tag: 'teams',
      summary:
        'Delete a team that owns no project and that no exception names (409 otherwise: move its projects first, or rename it).',
      action: 'admin',
      params: IdParams,
      response: z.object({ deleted: z.literal(true), id: z.number() }),
      async handler({ params, principal }) {
        requireServerWide(principal, 'teams');
        await change(() => deleteTeam(ctx.store, params.id, principal.actor, Date.now()));
        return { deleted: true as const, id: params.id };
      },
    },
  ];
}
