import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../store/audit.js';
import type { Tables } from '../../store/schema.js';
import type { SubscribableEvent } from './events.js';
import { type NotifyDb, notifyDb, type WebhookFormat, type WebhookTable } from './schema.js';
import { seal, unseal } from './secret-box.js';

export interface JiraSettings {
  projectKey: string;
  issueType: string;
  labels: string[];
  /** One priority name for every issue, or one per severity (unset: Jira's default). */
  priority?: string | Record<string, string>;
}

export type JiraAuth = { type: 'basic'; user: string; token: string } | { type: 'bearer'; token: string };

export interface NewWebhook {
  name?: string;
  url: string;
  format: WebhookFormat;
  events: SubscribableEvent[];
  projectId: number | null;
  /** Generic format: the HMAC key; generated when absent. */
  secret?: string;
  jira?: JiraSettings & { auth: JiraAuth };
}

/** A webhook as the API shows it: never a secret, never the full URL. */
export interface WebhookView {
  id: number;
  name: string | null;
  format: WebhookFormat;
  url: string;
  events: SubscribableEvent[];
  projectId: number | null;
  signed: boolean;
  jira: (JiraSettings & { auth: JiraAuth['type'] }) | null;
  createdAt: string;
  createdBy: string;
}

/** A webhook ready to deliver to: secrets unsealed, in memory only. */
export interface LiveWebhook {
  id: number;
  format: WebhookFormat;
  url: string;
  secret: string | null;
  jira: (JiraSettings & { auth: JiraAuth }) | null;
}

/**
 * Scheme, host and the first path segment: enough to tell webhooks apart, never a credential
 * (Slack keeps its token in the path, others in the query or the user part).
 */
export function displayUrl(url: string): string {
  const u = new URL(url);
  const [first, ...rest] = u.pathname.split('/').filter(Boolean);
  const path = first === undefined ? '' : `/${first}${rest.length ? '/***' : ''}`;
  return `${u.protocol}//${u.host}${path}${u.search ? '?***' : ''}`;
}

/** Stores a webhook (secrets sealed); answers the generated HMAC key, the only time it is shown. */
export async function createWebhook(
  db: Kysely<Tables>,
  w: NewWebhook,
  actor: string,
  now = Date.now(),
): Promise<{ view: WebhookView; generatedSecret?: string }> {
  const generatedSecret =
    w.format === 'generic' && !w.secret ? `whsec_${randomBytes(32).toString('base64url')}` : undefined;
  const secret = w.format === 'generic' ? (w.secret ?? generatedSecret!) : null;
  const { auth, ...jira } = w.jira ?? { auth: undefined };
  const row = await notifyDb(db)
    .insertInto('webhooks')
    .values({
      name: w.name ?? null,
      format: w.format,
      url_sealed: seal(w.url),
      url_display: displayUrl(w.url),
      events: JSON.stringify(w.events),
      project_id: w.projectId,
      secret_sealed: secret === null ? null : seal(secret),
      // The auth type is kept in the clear (answers show it); the credential is sealed.
      jira: w.format === 'jira' && auth ? JSON.stringify({ ...jira, auth: auth.type }) : null,
      jira_auth_sealed: w.format === 'jira' && auth ? seal(JSON.stringify(auth)) : null,
      created_at: now,
      created_by: actor,
      deleted_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = toView(row);
  await recordAudit(db, auditEntry(actor, 'webhook.create', view), now);
  return { view, generatedSecret };
}

function auditEntry(actor: string, action: string, v: WebhookView) {
  return {
    actor,
    action,
    targetType: 'webhook',
    targetId: String(v.id),
    projectId: v.projectId ?? undefined,
    detail: { format: v.format, url: v.url, events: v.events },
  };
}

type Row = Omit<WebhookTable, 'id'> & { id: number };

export function toView(r: Row): WebhookView {
  return {
    id: r.id,
    name: r.name,
    format: r.format,
    url: r.url_display,
    events: JSON.parse(r.events) as SubscribableEvent[],
    projectId: r.project_id,
    signed: r.secret_sealed !== null,
    jira: r.jira ? (JSON.parse(r.jira) as WebhookView['jira']) : null,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by,
  };
}

export async function listWebhooks(db: Kysely<Tables>, projectId: number | null): Promise<WebhookView[]> {
  let q = notifyDb(db).selectFrom('webhooks').selectAll().where('deleted_at', 'is', null).orderBy('id');
  if (projectId !== null) q = q.where('project_id', '=', projectId);
  return (await q.execute()).map(toView);
}

/**
 * Deletes a webhook: its secrets are erased, its pending notifications cancelled; the row stays so
 * past deliveries keep their webhook. False when there is no such live webhook in scope.
 */
export async function deleteWebhook(
  db: Kysely<Tables>,
  id: number,
  scope: number | null,
  actor: string,
  now = Date.now(),
): Promise<boolean> {
  const n = notifyDb(db);
  let q = n
    .updateTable('webhooks')
    .set({ deleted_at: now, secret_sealed: null, jira_auth_sealed: null })
    .where('id', '=', id)
    .where('deleted_at', 'is', null);
  if (scope !== null) q = q.where('project_id', '=', scope);
  const row = await q.returningAll().executeTakeFirst();
  if (!row) return false;
  await n
    .updateTable('notification_outbox')
    .set({ status: 'cancelled', finished_at: now, last_error: 'the webhook was deleted' })
    .where('webhook_id', '=', id)
    .where('status', '=', 'pending')
    .execute();
  await recordAudit(db, auditEntry(actor, 'webhook.delete', toView(row)), now);
  return true;
}

/** The webhook with its secrets unsealed, for one delivery; undefined once deleted. */
export async function liveWebhook(db: NotifyDb, id: number): Promise<LiveWebhook | undefined> {
  const r = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r || r.deleted_at !== null) return undefined;
  const jira = r.jira && r.jira_auth_sealed ? (JSON.parse(r.jira) as JiraSettings) : null;
  return {
    id: r.id,
    format: r.format,
    url: unseal(r.url_sealed),
    secret: r.secret_sealed ? unseal(r.secret_sealed) : null,
    jira: jira && { ...jira, auth: JSON.parse(unseal(r.jira_auth_sealed!)) as JiraAuth },
  };
}
