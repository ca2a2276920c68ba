import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { client, ok } from '../api/client';
import type { paths } from '../api/openapi';
import { formatCount, formatDate } from '../format';
import { ConfirmButton } from '../ui/confirm';
import { OneTimeSecret } from '../ui/one-time-secret';
import { EmptyState, QueryState } from '../ui/query-state';
import { Field, Refusal, text } from './settings-form';
import { type ProjectChoice, useProjectChoices } from './settings-projects';
import { Deliveries } from './settings-webhook-deliveries';
import {
  type Draft,
  draftProblems,
  EVENTS,
  type Format,
  MIN_SECRET,
  type WebhookEvent,
  webhookBody,
} from './settings-webhook-draft';

type Webhook =
  paths['/api/v1/webhooks']['get']['responses'][200]['content']['application/json']['webhooks'][number];

function readDraft(form: FormData, format: Format): Draft {
  return {
    name: text(form, 'name'),
    url: text(form, 'url'),
    format,
    events: form.getAll('events').map(String) as WebhookEvent[],
    project: text(form, 'project'),
    secret: String(form.get('secret') ?? ''),
    jiraKey: text(form, 'jiraKey'),
    jiraIssueType: text(form, 'jiraIssueType'),
    jiraAuth: text(form, 'jiraAuth') === 'bearer' ? 'bearer' : 'basic',
    jiraUser: text(form, 'jiraUser'),
    jiraToken: String(form.get('jiraToken') ?? ''),
  };
}

function JiraFields({ problems }: { problems: Record<string, string> }) {
  const [auth, setAuth] = useState<'basic' | 'bearer'>('basic');
  return (
    <fieldset>
      <legend>Jira</legend>
      <Field label="Project key" problem={problems.jiraKey}>
        {(p) => <input name="jiraKey" placeholder="SEC" {...p} />}
      </Field>
      <label>
        Issue type
        <input name="jiraIssueType" defaultValue="Bug" />
      </label>
      <label>
        Authentication
        <select name="jiraAuth" value={auth} onChange={(e) => setAuth(e.target.value as 'basic' | 'bearer')}>
          <option value="basic">user and API token</option>
          <option value="bearer">bearer token</option>
        </select>
      </label>
      {auth === 'basic' && (
        <Field label="Jira user" problem={problems.jiraUser}>
          {(p) => <input name="jiraUser" autoComplete="off" {...p} />}
        </Field>
      )}
      <Field label="Token" problem={problems.jiraToken}>
        {(p) => <input name="jiraToken" type="password" autoComplete="off" {...p} />}
      </Field>
    </fieldset>
  );
}

function NewWebhookForm({
  projects,
  onCreated,
}: {
  projects: ProjectChoice[] | undefined;
  onCreated: (w: Webhook, secret: string | undefined) => void;
}) {
  const queries = useQueryClient();
  const [format, setFormat] = useState<Format>('generic');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (d: Draft) => ok(client.POST('/api/v1/webhooks', { body: webhookBody(d) })),
    onSuccess: (a) => {
      void queries.invalidateQueries({ queryKey: ['webhooks'] });
      onCreated(a.webhook, a.secret);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const draft = readDraft(new FormData(el), format);
    const found = draftProblems(draft);
    setProblems(found);
    if (Object.keys(found).length === 0) create.mutate(draft, { onSuccess: () => el.reset() });
  }
  return (
    <form className="settings-form webhook-form" aria-label="New webhook" onSubmit={submit} noValidate>
      <label>
        Name
        <input name="name" maxLength={200} placeholder="security channel" />
      </label>
      <Field label="URL" problem={problems.url}>
        {(p) => (
          <input name="url" type="url" maxLength={2000} placeholder="https://hooks.example.com/…" {...p} />
        )}
      </Field>
      <label>
        Format
        <select name="format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="generic">generic JSON, signed</option>
          <option value="slack">Slack</option>
          <option value="jira">Jira issues</option>
        </select>
      </label>
      <label>
        Project
        <select name="project" defaultValue="">
          <option value="">every project</option>
          {projects?.map((p) => (
            <option key={p.id} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset aria-describedby={problems.events ? 'webhook-events-problem' : undefined}>
        <legend>Events</legend>
        {EVENTS.map((e) => (
          <label className="inline" key={e.event}>
            <input type="checkbox" name="events" value={e.event} />
            <code>{e.event}</code> {e.what}
          </label>
        ))}
        {problems.events && (
          <p id="webhook-events-problem" role="alert" className="error field-problem">
            {problems.events}
          </p>
        )}
      </fieldset>
      {format === 'generic' && (
        <Field
          label={`Signing secret (optional, at least ${MIN_SECRET} characters)`}
          problem={problems.secret}
        >
          {(p) => (
            <input
              name="secret"
              type="password"
              autoComplete="off"
              placeholder="generated when empty"
              {...p}
            />
          )}
        </Field>
      )}
      {format === 'jira' && <JiraFields problems={problems} />}
      <button type="submit" className="primary" disabled={create.isPending}>
        Add webhook
      </button>
      <Refusal error={create.error} />
    </form>
  );
}

function WebhookTable({ hooks, onNotice }: { hooks: Webhook[]; onNotice: (m: string) => void }) {
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: (w: Webhook) =>
      ok(client.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: w.id } } })),
    onSuccess: (_, w) => {
      void queries.invalidateQueries({ queryKey: ['webhooks'] });
      onNotice(`Webhook ${w.name ?? w.url} deleted; its pending deliveries are cancelled.`);
    },
  });
  const test = useMutation({
    mutationFn: (w: Webhook) =>
      ok(client.POST('/api/v1/webhooks/{id}/test', { params: { path: { id: w.id } } })),
    onSuccess: (r, w) => {
      void queries.invalidateQueries({ queryKey: ['webhooks'] });
      void queries.invalidateQueries({ queryKey: ['webhook-deliveries', w.id] });
      const name = w.name ?? w.url;
      onNotice(
        r.status === 'delivered'
          ? `Test notification delivered to ${name}${r.httpStatus !== null ? ` (HTTP ${r.httpStatus})` : ''}.`
          : `Test notification to ${name} failed: ${r.error ?? 'no answer'}.`,
      );
    },
  });
  return (
    <>
      <Refusal error={remove.error ?? test.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">Webhook</th>
            <th scope="col">Events</th>
            <th scope="col">Project</th>
            <th scope="col">Deliveries</th>
            <th scope="col">Created</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {hooks.map((w) => (
            <tr key={w.id}>
              <td>
                {w.name ?? <span className="muted">unnamed</span>}{' '}
                <span className="muted">
                  ({w.format}
                  {w.signed ? ', signed' : ''})
                </span>
                <br />
                <code>{w.url}</code>
                {w.jira && (
                  <>
                    <br />
                    Jira {w.jira.projectKey}, {w.jira.issueType}
                  </>
                )}
              </td>
              <td>
                {w.events.map((e) => (
                  <code key={e} className="webhook-event">
                    {e}
                  </code>
                ))}
              </td>
              <td>{w.project ?? 'every project'}</td>
              <td>
                {formatCount(w.deliveries.delivered)} delivered, {formatCount(w.deliveries.failed)} failed,{' '}
                {formatCount(w.deliveries.pending)} pending
                <Deliveries id={w.id} />
              </td>
              <td>
                {formatDate(w.createdAt)}
                <br />
                <span className="muted">by {w.createdBy}</span>
              </td>
              <td>
                <button
                  type="button"
                  onClick={() => test.mutate(w)}
                  disabled={test.isPending}
                  aria-label={`Send a test notification to webhook ${w.name ?? w.url}`}
                >
                  Send test
                </button>{' '}
                <ConfirmButton
                  label="Delete"
                  question={`Delete webhook ${w.name ?? w.url}? Its pending deliveries are cancelled.`}
                  confirmLabel="Delete"
                  onConfirm={() => remove.mutate(w)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Outgoing webhooks: generic signed JSON, Slack or Jira, for chosen events. */
export function WebhookSettings() {
  const projects = useProjectChoices();
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: () => ok(client.GET('/api/v1/webhooks')) });
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="settings-webhooks">
      <h2 id="settings-webhooks">Webhooks</h2>
      <NewWebhookForm
        projects={projects.data}
        onCreated={(w, generated) => {
          const name = w.name ?? w.url;
          setNotice(generated ? '' : `Webhook ${name} added.`);
          setSecret(generated ? { name, value: generated } : null);
        }}
      />
      {secret && (
        <OneTimeSecret
          title={`Signing secret of ${secret.name}`}
          value={secret.value}
          onDismiss={() => setSecret(null)}
        />
      )}
      <p role="status">{notice}</p>
      <QueryState query={hooks} what="webhooks">
        {(data) =>
          data.webhooks.length ? (
            <WebhookTable hooks={data.webhooks} onNotice={setNotice} />
          ) : (
            <EmptyState title="No webhook yet">
              <p>
                Add one above to tell a chat channel, Jira or your own service about new critical findings and
                SLA breaches.
              </p>
            </EmptyState>
          )
        }
      </QueryState>
    </section>
  );
}
