import type { paths } from '../api/openapi';

export type NewWebhook = paths['/api/v1/webhooks']['post']['requestBody']['content']['application/json'];
export type WebhookEvent = NewWebhook['events'][number];
export type Format = NonNullable<NewWebhook['format']>;

export const EVENTS: { event: WebhookEvent; what: string }[] = [
  { event: 'finding.new_critical', what: 'a new critical finding' },
  { event: 'finding.new_high', what: 'a new high finding' },
  { event: 'sla.breach', what: 'a finding passes its SLA due date' },
  { event: 'exception.expiring', what: 'an approved exception expires within 7 days' },
  { event: 'gate.failed', what: 'a gate blocks a pipeline' },
];

export const MIN_SECRET = 16;

/** The create form's fields, as typed. */
export interface Draft {
  name: string;
  url: string;
  format: Format;
  events: WebhookEvent[];
  project: string;
  secret: string;
  jiraKey: string;
  jiraIssueType: string;
  jiraAuth: 'basic' | 'bearer';
  jiraUser: string;
  jiraToken: string;
}

export function draftProblems(d: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^https?:\/\/[^\s/]+/i.test(d.url)) out.url = 'Enter the http(s) URL the events are posted to.';
  if (d.events.length === 0) out.events = 'Pick at least one event.';
  if (d.format === 'generic' && d.secret && d.secret.length < MIN_SECRET)
    out.secret = `A secret needs at least ${MIN_SECRET} characters (or leave it empty: Gatehouse generates one).`;
  if (d.format === 'jira') {
    if (!/^[A-Z][A-Z0-9_]{0,99}$/.test(d.jiraKey))
      out.jiraKey = 'A Jira project key: capital letters, digits and _ (ABC).';
    if (d.jiraAuth === 'basic' && !d.jiraUser) out.jiraUser = 'Enter the Jira user the token belongs to.';
    if (!d.jiraToken) out.jiraToken = 'Enter the Jira API token.';
  }
  return out;
}

/** The request for a draft without problems. */
export function webhookBody(d: Draft): NewWebhook {
  const body: NewWebhook = { url: d.url, format: d.format, events: d.events };
  if (d.name) body.name = d.name;
  if (d.project) body.project = d.project;
  if (d.format === 'generic' && d.secret) body.secret = d.secret;
  if (d.format === 'jira')
    body.jira = {
      projectKey: d.jiraKey,
      issueType: d.jiraIssueType || 'Bug',
      auth:
        d.jiraAuth === 'basic'
          ? { type: 'basic', user: d.jiraUser, token: d.jiraToken }
          : { type: 'bearer', token: d.jiraToken },
    };
  return body;
}
