import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connect.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being created
type Db = Kysely<any>;

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
const id = (dialect: Dialect) => (dialect === 'postgres' ? 'bigserial' : 'integer');
const primary = (dialect: Dialect) => (c: ColumnDefinitionBuilder) =>
  dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();

/** Outgoing webhooks; secrets (HMAC keys, Jira credentials, the URL itself) are sealed. */
async function webhooks(db: Db, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('webhooks')
    .addColumn('id', id(dialect), primary(dialect))
    .addColumn('name', 'text')
    .addColumn('format', 'text', notNull)
    .addColumn('url_sealed', 'text', notNull)
    .addColumn('url_display', 'text', notNull)
    .addColumn('events', 'text', notNull)
    .addColumn('project_id', 'bigint', (c) => c.references('projects.id'))
    .addColumn('secret_sealed', 'text')
    .addColumn('jira', 'text')
    .addColumn('jira_auth_sealed', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('deleted_at', 'bigint')
    .execute();
}

/**
 * The outbox: one row per notification and webhook, written in the transaction of the event that
 * causes it; (webhook, dedup key) is unique so a producer run twice enqueues nothing new.
 */
async function outbox(db: Db, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', id(dialect), primary(dialect))
    .addColumn('delivery_id', 'text', (c) => c.notNull().unique())
    .addColumn('webhook_id', 'bigint', (c) => c.notNull().references('webhooks.id'))
    .addColumn('event', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('dedup_key', 'text', notNull)
    .addColumn('project_id', 'bigint')
    .addColumn('payload', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', notNull)
    .addColumn('last_attempt_at', 'bigint')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('finished_at', 'bigint')
    .addUniqueConstraint('notification_outbox_dedup', ['webhook_id', 'dedup_key'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_due')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_webhook')
    .on('notification_outbox')
    .columns(['webhook_id', 'id'])
    .execute();
}

/** Issues a tracker webhook opened, so one subject (a finding) never opens two. */
async function issues(db: Db): Promise<void> {
  await db.schema
    .createTable('webhook_issues')
    .addColumn('webhook_id', 'bigint', (c) => c.notNull().references('webhooks.id'))
    .addColumn('subject', 'text', notNull)
    .addColumn('issue_key', 'text')
    .addColumn('reserved_at', 'bigint', notNull)
    .addColumn('created_at', 'bigint')
    .addPrimaryKeyConstraint('webhook_issues_pk', ['webhook_id', 'subject'])
    .execute();
  await db.schema
    .createTable('notification_watermarks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', notNull)
    .execute();
}

export const webhooksMigration: StoreMigration = {
  name: '003-webhooks',
  async up(db, dialect) {
    await webhooks(db, dialect);
    await outbox(db, dialect);
    await issues(db);
  },
};
