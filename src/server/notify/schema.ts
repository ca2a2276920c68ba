import type { Generated, Kysely } from 'kysely';
import type { Tables } from '../../store/schema.js';

/** The tables of migration 005, typed here so the notification code owns its schema. */
// A type, not an interface: Kysely's withTables wants an index-compatible record.
export type NotifyTables = {
  webhooks: WebhookTable;
  notification_outbox: OutboxTable;
  webhook_issues: WebhookIssueTable;
  notification_watermarks: WatermarkTable;
};

export type NotifyDb = Kysely<Tables & NotifyTables>;

/** The same connection (or transaction), seeing the notification tables too. */
export function notifyDb(db: Kysely<Tables>): NotifyDb {
  return db.withTables<NotifyTables>();
}

export type WebhookFormat = 'generic' | 'slack' | 'jira';

export interface WebhookTable {
  id: Generated<number>;
  name: string | null;
  format: WebhookFormat;
  /** The whole URL, sealed: Slack URLs and tokens in query strings are credentials. */
  url_sealed: string;
  /** Scheme, host and first path segment only: what answers and the audit log show. */
  url_display: string;
  /** JSON array of event names. */
  events: string;
  /** Only events of this project when set. */
  project_id: number | null;
  /** Generic format: the sealed HMAC key. */
  secret_sealed: string | null;
  /** Jira format: JSON {projectKey, issueType, labels, priority} (no credentials). */
  jira: string | null;
  /** Jira format: sealed JSON {type: basic|bearer, user?, token}. */
  jira_auth_sealed: string | null;
  created_at: number;
  created_by: string;
  deleted_at: number | null;
}

export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface OutboxTable {
  id: Generated<number>;
  /** Stable across retries: receivers deduplicate on it (X-Gatehouse-Delivery). */
  delivery_id: string;
  webhook_id: number;
  event: string;
  /** What the notification is about: `finding:12`, `scan:7`, `exception:3`, `project:2`. */
  subject: string;
  dedup_key: string;
  project_id: number | null;
  /** JSON of the Notification (format-independent). */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  last_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface WebhookIssueTable {
  webhook_id: number;
  subject: string;
  /** Null while a delivery is creating it (a reservation). */
  issue_key: string | null;
  reserved_at: number;
  created_at: number | null;
}

export interface WatermarkTable {
  name: string;
  value: number;
}
