import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatDateTime } from '../format';
import { ConfirmButton } from '../ui/confirm';
import { OneTimeSecret } from '../ui/one-time-secret';
import { EmptyState, QueryState } from '../ui/query-state';
import { Field, type Problems, Refusal, text } from './settings-form';
import {
  type ProjectChoice,
  ProjectSelect,
  projectIdOf,
  projectName,
  useProjectChoices,
} from './settings-projects';

type Token =
  paths['/api/v1/tokens']['get']['responses'][200]['content']['application/json']['tokens'][number];
type NewToken = paths['/api/v1/tokens']['post']['requestBody']['content']['application/json'];

export const TOKEN_ROLES = ['ci', 'developer', 'security', 'auditor', 'admin'] as const;

/** What is wrong with a new token before the server sees it. */
export function tokenProblems(t: { name: string }): Problems {
  return t.name ? {} : { name: 'Give the token a name: the pipeline or script that will use it.' };
}

function NewTokenForm({
  projects,
  onCreated,
}: {
  projects: ProjectChoice[] | undefined;
  onCreated: (name: string, value: string) => void;
}) {
  const queries = useQueryClient();
  const [problems, setProblems] = useState<Problems>({});
  const create = useMutation({
    mutationFn: (body: NewToken) => ok(client.POST('/api/v1/tokens', { body })),
    onSuccess: (answer) => {
      void queries.invalidateQueries({ queryKey: ['tokens'] });
      onCreated(answer.token.name, answer.value);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const form = new FormData(el);
    const body: NewToken = {
      name: text(form, 'name'),
      role: text(form, 'role') as NewToken['role'],
      projectId: projectIdOf(form.get('project')),
    };
    const found = tokenProblems(body);
    setProblems(found);
    if (Object.keys(found).length === 0) create.mutate(body, { onSuccess: () => el.reset() });
  }
  return (
    <form className="settings-form" aria-label="New API token" onSubmit={submit} noValidate>
      <Field label="Name" problem={problems.name}>
        {(p) => <input name="name" maxLength={200} placeholder="ci-payments" {...p} />}
      </Field>
      <label>
        Role
        <select name="role" defaultValue="ci">
          {TOKEN_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <ProjectSelect name="project" label="Limited to" defaultValue={null} choices={projects} />
      <button type="submit" className="primary" disabled={create.isPending}>
        Create token
      </button>
      <Refusal error={create.error} />
    </form>
  );
}

function TokenTable({
  tokens,
  projects,
  onRevoke,
}: {
  tokens: Token[];
  projects: ProjectChoice[] | undefined;
  onRevoke: (t: Token) => void;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Prefix</th>
          <th scope="col">Role</th>
          <th scope="col">Project</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id}>
            <td>{t.name}</td>
            <td>
              <code>{t.prefix}…</code>
            </td>
            <td>{t.role}</td>
            <td>{projectName(projects, t.projectId)}</td>
            <td>
              {formatDateTime(t.createdAt)}
              <br />
              <span className="muted">by {t.createdBy}</span>
            </td>
            <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">never</span>}</td>
            <td>
              {t.revokedAt ? (
                <span className="muted">revoked {formatDateTime(t.revokedAt)}</span>
              ) : (
                <ConfirmButton
                  label={`Revoke ${t.name}`}
                  question={`Revoke token ${t.name}? Requests with it are refused from now on.`}
                  confirmLabel="Revoke"
                  onConfirm={() => onRevoke(t)}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** API tokens: who has one, when it was last used; new ones are shown once, old ones revoked. */
export function TokenSettings() {
  const queries = useQueryClient();
  const projects = useProjectChoices();
  const [withRevoked, setWithRevoked] = useState(false);
  const [created, setCreated] = useState<{ name: string; value: string } | null>(null);
  const [notice, setNotice] = useState('');
  const tokens = useQuery({
    queryKey: ['tokens', withRevoked],
    queryFn: () =>
      ok(client.GET('/api/v1/tokens', { params: { query: { revoked: withRevoked ? 'true' : 'false' } } })),
  });
  const revoke = useMutation({
    mutationFn: (t: Token) => ok(client.DELETE('/api/v1/tokens/{id}', { params: { path: { id: t.id } } })),
    onSuccess: (_, t) => {
      setNotice(`Token ${t.name} revoked.`);
      void queries.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  return (
    <section aria-labelledby="settings-tokens">
      <h2 id="settings-tokens">API tokens</h2>
      <p className="muted">
        Pipelines and scripts sign their requests with a token (<code>Authorization: Bearer …</code>).
        Gatehouse keeps only a hash and the first characters.
      </p>
      <NewTokenForm
        projects={projects.data}
        onCreated={(name, value) => {
          setNotice('');
          setCreated({ name, value });
        }}
      />
      {created && (
        <OneTimeSecret
          title={`Token ${created.name}`}
          value={created.value}
          onDismiss={() => setCreated(null)}
        />
      )}
      <p role="status">{notice}</p>
      <Refusal error={revoke.error} />
      <label className="inline">
        <input type="checkbox" checked={withRevoked} onChange={(e) => setWithRevoked(e.target.checked)} />
        Show revoked tokens
      </label>
      <QueryState query={tokens} what="tokens">
        {(data) =>
          data.tokens.length ? (
            <TokenTable tokens={data.tokens} projects={projects.data} onRevoke={(t) => revoke.mutate(t)} />
          ) : (
            <EmptyState title="No API token yet">
              <p>Create one above for each pipeline that uploads scans (role ci, limited to its project).</p>
            </EmptyState>
          )
        }
      </QueryState>
    </section>
  );
}
