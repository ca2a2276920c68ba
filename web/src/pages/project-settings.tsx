import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatCount } from '../format';
import { useCan, useUser } from '../session/session';
import { ExternalLink } from '../ui/external-link';
import { TIERS, type Tier } from './projects-url';

export type Project =
  paths['/api/v1/projects/{name}']['get']['responses'][200]['content']['application/json']['project'];
type Patch = NonNullable<
  paths['/api/v1/projects/{name}']['patch']['requestBody']
>['content']['application/json'];

export const teamsKey = ['teams'];

/**
 * Whether this user may change project settings: the role must allow it, and a user limited to
 * one project may not (the server refuses: it could relax its own project's SLA).
 */
export function useCanEditProject(): boolean {
  const can = useCan('project.edit');
  const user = useUser();
  return can && user.projectId === null;
}

/** What changed in the form, as PATCH wants it (empty text clears a field). */
export function changes(p: Project, form: FormData): Patch | undefined {
  const text = (name: string) => String(form.get(name) ?? '').trim() || null;
  const team = String(form.get('team') ?? '');
  const next = {
    tier: String(form.get('tier')) as Tier,
    teamId: team ? Number(team) : null,
    repository: text('repository'),
    defaultBranch: text('defaultBranch'),
  };
  const out: Patch = {};
  if (next.tier !== p.tier) out.tier = next.tier;
  if (next.teamId !== (p.team?.id ?? null)) out.teamId = next.teamId;
  if (next.repository !== p.repository) out.repository = next.repository;
  if (next.defaultBranch !== p.defaultBranch) out.defaultBranch = next.defaultBranch;
  return Object.keys(out).length ? out : undefined;
}

function ReadOnly({ project }: { project: Project }) {
  return (
    <dl className="proj-settings">
      <div>
        <dt>Repository</dt>
        <dd>
          {project.repository ? (
            <ExternalLink href={project.repository} />
          ) : (
            <span className="muted">not set</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Default branch</dt>
        <dd>{project.defaultBranch ?? <span className="muted">not set</span>}</dd>
      </div>
      <div>
        <dt>Tier</dt>
        <dd>{project.tier}</dd>
      </div>
      <div>
        <dt>Owner team</dt>
        <dd>{project.team?.name ?? <span className="muted">none</span>}</dd>
      </div>
    </dl>
  );
}

function EditForm({ project }: { project: Project }) {
  const queries = useQueryClient();
  const teams = useQuery({ queryKey: teamsKey, queryFn: () => ok(client.GET('/api/v1/teams')) });
  const [notice, setNotice] = useState('');
  const save = useMutation({
    mutationFn: (body: Patch) =>
      ok(client.PATCH('/api/v1/projects/{name}', { params: { path: { name: project.name } }, body })),
    onSuccess: (r) => {
      setNotice(
        r.dueDatesMoved > 0
          ? `Saved. ${formatCount(r.dueDatesMoved)} open findings got the new tier's due dates.`
          : 'Saved.',
      );
      queries.setQueryData(['project', project.name], { project: r.project });
      // Tier and team change the lists, the risk ranking and the SLA numbers.
      for (const key of [['projects'], ['overview'], ['project-sla', project.name], teamsKey])
        void queries.invalidateQueries({ queryKey: key });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const body = changes(project, new FormData(e.currentTarget));
    if (!body) {
      setNotice('Nothing changed.');
      return;
    }
    setNotice('');
    save.mutate(body);
  };
  return (
    <form className="proj-settings proj-form" onSubmit={submit} aria-label="Project settings">
      <label>
        Repository
        <input name="repository" defaultValue={project.repository ?? ''} maxLength={500} />
      </label>
      <label>
        Default branch
        <input name="defaultBranch" defaultValue={project.defaultBranch ?? ''} maxLength={255} />
      </label>
      <label>
        Tier
        <select name="tier" defaultValue={project.tier}>
          {TIERS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Owner team
        <select
          name="team"
          defaultValue={project.team ? String(project.team.id) : ''}
          key={teams.dataUpdatedAt}
        >
          <option value="">No team</option>
          {project.team && !teams.data && <option value={project.team.id}>{project.team.name}</option>}
          {teams.data?.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="proj-form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <p role="status" className="muted">
          {notice}
        </p>
        {save.isError && (
          <p role="alert" className="error">
            Not saved: {save.error.message}
          </p>
        )}
      </div>
      <p className="muted proj-form-note">
        A new tier moves the due dates of the project's open findings to that tier's SLA days.
      </p>
    </form>
  );
}

/** The project's settings: a form for those who may change them, the values for everyone else. */
export function ProjectSettings({ project }: { project: Project }) {
  return useCanEditProject() ? <EditForm project={project} /> : <ReadOnly project={project} />;
}
