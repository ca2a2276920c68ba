import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useState } from 'react';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatDateTime } from '../format';
import { ConfirmButton } from '../ui/confirm';
import { OneTimeSecret } from '../ui/one-time-secret';
import { QueryState } from '../ui/query-state';
import { Field, type Problems, Refusal, text } from './settings-form';
import {
  type ProjectChoice,
  ProjectSelect,
  projectIdOf,
  projectName,
  useProjectChoices,
} from './settings-projects';

type User = paths['/api/v1/users']['get']['responses'][200]['content']['application/json']['users'][number];
type NewUser = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
type Changes = paths['/api/v1/users/{id}']['patch']['requestBody']['content']['application/json'];

export const USER_ROLES = ['developer', 'security', 'auditor', 'admin'] as const;
export const MIN_PASSWORD = 12;

/** What is wrong with a new user before the server sees it. */
export function userProblems(u: { email: string; password?: string }): Problems {
  const out: Problems = {};
  if (!u.email) out.email = 'Enter the e-mail address the user signs in with.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(u.email)) out.email = `${u.email} is not an e-mail address.`;
  if (u.password !== undefined && u.password.length < MIN_PASSWORD)
    out.password = `A password needs at least ${MIN_PASSWORD} characters (or let Gatehouse generate one).`;
  return out;
}

interface Secret {
  email: string;
  password: string;
}

function NewUserForm({
  projects,
  onCreated,
}: {
  projects: ProjectChoice[] | undefined;
  onCreated: (u: User, password: string | undefined) => void;
}) {
  const queries = useQueryClient();
  const [problems, setProblems] = useState<Problems>({});
  const [ownPassword, setOwnPassword] = useState(false);
  const create = useMutation({
    mutationFn: (body: NewUser) => ok(client.POST('/api/v1/users', { body })),
    onSuccess: (answer) => {
      void queries.invalidateQueries({ queryKey: ['users'] });
      onCreated(answer.user, answer.password);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const form = new FormData(el);
    const body: NewUser = {
      email: text(form, 'email'),
      role: text(form, 'role') as NewUser['role'],
      projectId: projectIdOf(form.get('project')),
    };
    if (text(form, 'name')) body.name = text(form, 'name');
    if (ownPassword) body.password = String(form.get('password') ?? '');
    const found = userProblems(body);
    setProblems(found);
    if (Object.keys(found).length === 0)
      create.mutate(body, {
        onSuccess: () => {
          el.reset();
          setOwnPassword(false);
        },
      });
  }
  return (
    <form className="settings-form" aria-label="New user" onSubmit={submit} noValidate>
      <Field label="E-mail" problem={problems.email}>
        {(p) => <input name="email" type="email" autoComplete="off" maxLength={320} {...p} />}
      </Field>
      <label>
        Name
        <input name="name" maxLength={200} placeholder="from the e-mail" />
      </label>
      <label>
        Role
        <select name="role" defaultValue="developer">
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <ProjectSelect name="project" label="Limited to" defaultValue={null} choices={projects} />
      <fieldset className="inline">
        <legend>Password</legend>
        <label className="inline">
          <input type="radio" name="pw" checked={!ownPassword} onChange={() => setOwnPassword(false)} />
          generate one
        </label>
        <label className="inline">
          <input type="radio" name="pw" checked={ownPassword} onChange={() => setOwnPassword(true)} />
          set one
        </label>
      </fieldset>
      {ownPassword && (
        <Field label="Initial password" problem={problems.password}>
          {(p) => <input name="password" type="password" autoComplete="new-password" {...p} />}
        </Field>
      )}
      <button type="submit" className="primary" disabled={create.isPending}>
        Add user
      </button>
      <Refusal error={create.error} />
    </form>
  );
}

function Status({ u }: { u: User }) {
  if (u.disabled) return <span className="danger-text">disabled</span>;
  if (u.lockedUntil) return <span className="danger-text">locked until {formatDateTime(u.lockedUntil)}</span>;
  return <>active</>;
}

/** The role, project and disabled flag of one user; only what changed is sent. */
function EditUser({
  user,
  projects,
  onDone,
}: {
  user: User;
  projects: ProjectChoice[] | undefined;
  onDone: (m: string) => void;
}) {
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Changes) =>
      ok(client.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['users'] });
      onDone(`${user.email} saved.`);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const changes: Changes = {};
    const role = text(form, 'role') as User['role'];
    const projectId = projectIdOf(form.get('project'));
    const disabled = form.get('disabled') === 'on';
    if (role !== user.role) changes.role = role;
    if (projectId !== user.projectId) changes.projectId = projectId;
    if (disabled !== user.disabled) changes.disabled = disabled;
    if (Object.keys(changes).length === 0) return onDone(`Nothing changed for ${user.email}.`);
    save.mutate(changes);
  }
  return (
    <form className="settings-form" aria-label={`Edit ${user.email}`} onSubmit={submit}>
      <label>
        Role
        <select name="role" defaultValue={user.role}>
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <ProjectSelect name="project" label="Limited to" defaultValue={user.projectId} choices={projects} />
      <label className="inline">
        <input type="checkbox" name="disabled" defaultChecked={user.disabled} />
        Disabled (cannot sign in)
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>
        Save
      </button>
      <button type="button" onClick={() => onDone('')}>
        Cancel
      </button>
      <p className="muted">A new role or project, or disabling, signs the user out everywhere.</p>
      <Refusal error={save.error} />
    </form>
  );
}

function UserTable({
  users,
  projects,
  onNotice,
  onPassword,
}: {
  users: User[];
  projects: ProjectChoice[] | undefined;
  onNotice: (m: string) => void;
  onPassword: (s: Secret) => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  const reset = useMutation({
    mutationFn: (u: User) =>
      ok(
        client.PATCH('/api/v1/users/{id}', {
          params: { path: { id: u.id } },
          body: { generatePassword: true },
        }),
      ),
    onSuccess: (answer) =>
      answer.password && onPassword({ email: answer.user.email, password: answer.password }),
  });
  return (
    <>
      <Refusal error={reset.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Project</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <Fragment key={u.id}>
              <tr>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>{u.role}</td>
                <td>{projectName(projects, u.projectId)}</td>
                <td>
                  <Status u={u} />
                </td>
                <td>
                  {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="muted">never</span>}
                </td>
                <td>
                  <div className="settings-actions">
                    <button
                      type="button"
                      aria-expanded={editing === u.id}
                      onClick={() => setEditing(editing === u.id ? null : u.id)}
                    >
                      Edit<span className="admin-vh"> {u.email}</span>
                    </button>
                    <ConfirmButton
                      label="Reset password"
                      question={`Give ${u.email} a new generated password? Their sessions end.`}
                      confirmLabel="Reset"
                      disabled={reset.isPending}
                      onConfirm={() => reset.mutate(u)}
                    />
                  </div>
                </td>
              </tr>
              {editing === u.id && (
                <tr>
                  <td colSpan={7}>
                    <EditUser
                      user={u}
                      projects={projects}
                      onDone={(m) => {
                        setEditing(null);
                        onNotice(m);
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Users who sign in to the dashboard: add them, change their role or project, reset passwords. */
export function UserSettings() {
  const projects = useProjectChoices();
  const users = useQuery({ queryKey: ['users'], queryFn: () => ok(client.GET('/api/v1/users')) });
  const [secret, setSecret] = useState<Secret | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="settings-users">
      <h2 id="settings-users">Users</h2>
      <NewUserForm
        projects={projects.data}
        onCreated={(u, password) => {
          setNotice(password ? '' : `${u.email} added.`);
          setSecret(password ? { email: u.email, password } : null);
        }}
      />
      {secret && (
        <OneTimeSecret
          title={`Password for ${secret.email}`}
          value={secret.password}
          onDismiss={() => setSecret(null)}
        />
      )}
      <p role="status">{notice}</p>
      <QueryState query={users} what="users">
        {(data) => (
          <UserTable
            users={data.users}
            projects={projects.data}
            onNotice={setNotice}
            onPassword={(s) => {
              setNotice('');
              setSecret(s);
            }}
          />
        )}
      </QueryState>
    </section>
  );
}
