import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatCount, formatDate } from '../format';
import { ConfirmButton } from '../ui/confirm';
import { EmptyState, QueryState } from '../ui/query-state';
import { Field, Refusal, text } from './settings-form';

type Team = paths['/api/v1/teams']['get']['responses'][200]['content']['application/json']['teams'][number];

const NAME_PROBLEM = 'Give the team a name (up to 100 characters).';

function NewTeamForm({ onNotice }: { onNotice: (m: string) => void }) {
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const create = useMutation({
    mutationFn: (name: string) => ok(client.POST('/api/v1/teams', { body: { name } })),
    onSuccess: (a) => {
      void queries.invalidateQueries({ queryKey: ['teams'] });
      onNotice(`Team ${a.team.name} created (#${a.team.id}).`);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const name = text(new FormData(el), 'name');
    setProblem(name ? undefined : NAME_PROBLEM);
    if (name) create.mutate(name, { onSuccess: () => el.reset() });
  }
  return (
    <form className="settings-form" aria-label="New team" onSubmit={submit} noValidate>
      <Field label="Team name" problem={problem}>
        {(p) => <input name="name" maxLength={100} {...p} />}
      </Field>
      <button type="submit" className="primary" disabled={create.isPending}>
        Create team
      </button>
      <Refusal error={create.error} />
    </form>
  );
}

function TeamRow({ team, onNotice }: { team: Team; onNotice: (m: string) => void }) {
  const queries = useQueryClient();
  const [renaming, setRenaming] = useState(false);
  const [problem, setProblem] = useState<string>();
  const done = (m: string) => {
    void queries.invalidateQueries({ queryKey: ['teams'] });
    onNotice(m);
  };
  const rename = useMutation({
    mutationFn: (name: string) =>
      ok(client.PATCH('/api/v1/teams/{id}', { params: { path: { id: team.id } }, body: { name } })),
    onSuccess: (a) => {
      setRenaming(false);
      done(`Team ${team.name} is now ${a.team.name}.`);
    },
  });
  const remove = useMutation({
    mutationFn: () => ok(client.DELETE('/api/v1/teams/{id}', { params: { path: { id: team.id } } })),
    onSuccess: () => done(`Team ${team.name} deleted.`),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = text(new FormData(e.currentTarget), 'name');
    setProblem(name ? undefined : NAME_PROBLEM);
    if (name) rename.mutate(name);
  }
  return (
    <tr>
      <td>
        {renaming ? (
          <form className="settings-form" aria-label={`Rename ${team.name}`} onSubmit={submit} noValidate>
            <Field label="New name" problem={problem}>
              {(p) => <input name="name" defaultValue={team.name} maxLength={100} {...p} />}
            </Field>
            <button type="submit" className="primary" disabled={rename.isPending}>
              Rename
            </button>
            <button type="button" onClick={() => setRenaming(false)}>
              Cancel
            </button>
            <Refusal error={rename.error} />
          </form>
        ) : (
          <>
            {team.name} <span className="muted">#{team.id}</span>
          </>
        )}
      </td>
      <td className="num">{formatCount(team.projects)}</td>
      <td>{formatDate(team.createdAt)}</td>
      <td>
        <div className="settings-actions">
          {!renaming && (
            <button type="button" onClick={() => setRenaming(true)}>
              Rename<span className="admin-vh"> {team.name}</span>
            </button>
          )}
          <ConfirmButton
            label={`Delete ${team.name}`}
            question={`Delete team ${team.name}?`}
            confirmLabel="Delete"
            onConfirm={() => remove.mutate()}
          />
        </div>
        <Refusal error={remove.error} />
      </td>
    </tr>
  );
}

/** Teams own projects; exceptions can apply to a whole team. */
export function TeamSettings() {
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => ok(client.GET('/api/v1/teams')) });
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="settings-teams">
      <h2 id="settings-teams">Teams</h2>
      <NewTeamForm onNotice={setNotice} />
      <p role="status">{notice}</p>
      <QueryState query={teams} what="teams">
        {(data) =>
          data.teams.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col" className="num">
                    Projects
                  </th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {data.teams.map((t) => (
                  <TeamRow key={t.id} team={t} onNotice={setNotice} />
                ))}
              </tbody>
            </table>
          ) : (
            <EmptyState title="No team yet">
              <p>
                Create one above, then choose it as the owner team on each of its projects’ pages (
                <Link to="/projects">Projects</Link>).
              </p>
            </EmptyState>
          )
        }
      </QueryState>
    </section>
  );
}
