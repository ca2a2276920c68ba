import { headline, type Notification } from '../events.js';
import type { JiraAuth, JiraSettings } from '../webhooks.js';
import { JSON_TYPE, link, type OutgoingRequest, type RenderInput } from './request.js';
import { facts } from './slack.js';

/** Characters Jira wiki markup would read as formatting. */
const wiki = (s: string) => s.replace(/[[\]{}|*_\\]/g, (c) => `\\${c}`);
const label = (s: string) => s.replace(/\s+/g, '-').slice(0, 255);

/**
 * Creates a Jira issue through the REST API v2 (`POST {base}/rest/api/2/issue`, Jira Cloud and
 * Data Center alike): the description is wiki markup, the labels say where it came from so a
 * search for `labels = gatehouse` finds every issue Gatehouse opened.
 */
export function jiraRequest(i: RenderInput): OutgoingRequest {
  const jira = i.hook.jira;
  if (!jira) throw new Error(`webhook ${i.hook.id} has no Jira settings`);
  const n = i.notification;
  const fields: Record<string, unknown> = {
    project: { key: jira.projectKey },
    summary: headline(n)
      .replace(/[\r\n]+/g, ' ')
      .slice(0, 250),
    description: description(n, link(i)),
    issuetype: { name: jira.issueType },
    labels: [...new Set([...jira.labels, 'gatehouse', `gatehouse-${n.event.replace('.', '-')}`].map(label))],
  };
  const priority = priorityFor(jira, n.finding?.severity);
  if (priority) fields.priority = { name: priority };
  return {
    url: `${i.hook.url.replace(/\/+$/, '')}/rest/api/2/issue`,
    headers: { ...JSON_TYPE, accept: 'application/json', authorization: authorization(jira.auth) },
    body: JSON.stringify({ fields }),
  };
}

function description(n: Notification, url: string): string {
  const lines = facts(n).map(([k, v]) => `*${k}:* ${wiki(v)}`);
  if (n.finding) lines.push(`*Fingerprint:* ${wiki(n.finding.fingerprint)}`);
  const target = /^https?:\/\//.test(url) ? `[Open in Gatehouse|${url}]` : `Gatehouse: ${wiki(url)}`;
  return [`Raised by Gatehouse (${n.event}).`, '', ...lines, '', target].join('\n');
}

function priorityFor(jira: JiraSettings, severity: string | undefined): string | undefined {
  if (typeof jira.priority === 'string') return jira.priority;
  return severity ? jira.priority?.[severity] : undefined;
}

function authorization(auth: JiraAuth): string {
  if (auth.type === 'bearer') return `Bearer ${auth.token}`;
  return `Basic ${Buffer.from(`${auth.user}:${auth.token}`).toString('base64')}`;
}

/** The key of the issue Jira answered with (`{"id","key","self"}`). */
export function issueKeyOf(body: string): string | undefined {
  try {
    const key = (JSON.parse(body) as { key?: unknown }).key;
    return typeof key === 'string' && key.length <= 100 ? key : undefined;
  } catch {
    return undefined;
  }
}
