import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { StoreMigration } from './index.js';

// biome-ignore lint/suspicious/noExplicitAny: the schema is being created
type Db = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: table builders of tables not yet typed
type Table = CreateTableBuilder<string, any>;

/** An auto-numbered primary key on either engine. */
function withId(t: Table, dialect: Dialect): Table {
  return dialect === 'postgres'
    ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

async function identityTables(db: Db, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('teams'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await withId(db.schema.createTable('projects'), dialect)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('repository', 'text')
    .addColumn('default_branch', 'text')
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('team_id', 'bigint', (c) => c.references('teams.id'))
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await withId(db.schema.createTable('users'), dialect)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await withId(db.schema.createTable('tokens'), dialect)
    .addColumn('name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('project_id', 'bigint', (c) => c.references('projects.id'))
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('created_by', 'text', notNull)
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
}

async function scanTables(db: Db, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('scans'), dialect)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id'))
    .addColumn('digest', 'text', notNull)
    .addColumn('branch', 'text', notNull)
    .addColumn('commit_sha', 'text')
    .addColumn('repository', 'text')
    .addColumn('pipeline_id', 'text')
    .addColumn('stage', 'text')
    .addColumn('complete', 'integer', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('tool_version', 'text')
    .addColumn('started_at', 'bigint')
    .addColumn('finished_at', 'bigint')
    .addColumn('received_at', 'bigint', notNull)
    .addColumn('gate_verdict', 'text')
    .addColumn('policy_version', 'text')
    .addColumn('findings_count', 'integer', notNull)
    .addColumn('new_count', 'integer', notNull)
    .addColumn('reopened_count', 'integer', notNull)
    .addColumn('fixed_count', 'integer', notNull)
    .addColumn('uploaded_by', 'text')
    .addUniqueConstraint('scans_project_digest', ['project_id', 'digest'])
    .execute();
  await db.schema
    .createIndex('scans_project_received')
    .on('scans')
    .columns(['project_id', 'received_at'])
    .execute();
  await db.schema
    .createTable('scan_scanners')
    .addColumn('scan_id', 'bigint', (c) => c.notNull().references('scans.id'))
    .addColumn('scanner', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('findings', 'integer', notNull)
    .addPrimaryKeyConstraint('scan_scanners_pk', ['scan_id', 'scanner'])
    .execute();
}

async function findingTables(db: Db, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('findings'), dialect)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id'))
    .addColumn('fingerprint', 'text', notNull)
    .addColumn('scanner', 'text', notNull)
    .addColumn('rule_id', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('severity_rank', 'integer', notNull)
    .addColumn('confidence', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('path', 'text', notNull)
    .addColumn('start_line', 'integer')
    .addColumn('advisory_id', 'text')
    .addColumn('package_purl', 'text')
    .addColumn('data', 'text', notNull)
    .addColumn('first_seen_at', 'bigint', notNull)
    .addColumn('last_seen_at', 'bigint', notNull)
    .addColumn('first_scan_id', 'bigint', notNull)
    .addColumn('last_scan_id', 'bigint', notNull)
    .addColumn('fixed_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .addColumn('reopened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_due_at', 'bigint')
    .addColumn('exception_id', 'bigint')
    .addColumn('updated_at', 'bigint', notNull)
    .addUniqueConstraint('findings_project_fingerprint', ['project_id', 'fingerprint'])
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('findings').columns(columns).execute();
  // The list's default order (worst first, newest first) and its usual filters.
  await index('findings_status_severity', ['status', 'severity_rank', 'id']);
  await index('findings_project_status_severity', ['project_id', 'status', 'severity_rank', 'id']);
  await index('findings_rule', ['rule_id', 'status']);
  await index('findings_scanner', ['scanner', 'status']);
  await index('findings_first_seen', ['first_seen_at']);
  await index('findings_sla_due', ['status', 'sla_due_at']);
  await index('findings_advisory', ['advisory_id']);

  await db.schema
    .createTable('finding_presence')
    .addColumn('project_id', 'bigint', notNull)
    .addColumn('finding_id', 'bigint', (c) => c.notNull().references('findings.id'))
    .addColumn('branch', 'text', notNull)
    .addColumn('scanner', 'text', notNull)
    .addColumn('present', 'integer', notNull)
    .addColumn('last_scan_id', 'bigint', notNull)
    .addPrimaryKeyConstraint('finding_presence_pk', ['finding_id', 'branch'])
    .execute();
  await db.schema
    .createIndex('finding_presence_stream')
    .on('finding_presence')
    .columns(['project_id', 'branch', 'scanner', 'present'])
    .execute();
  await db.schema
    .createTable('occurrences')
    .addColumn('scan_id', 'bigint', (c) => c.notNull().references('scans.id'))
    .addColumn('finding_id', 'bigint', (c) => c.notNull().references('findings.id'))
    .addColumn('path', 'text', notNull)
    .addColumn('start_line', 'integer')
    .addPrimaryKeyConstraint('occurrences_pk', ['scan_id', 'finding_id'])
    .execute();
  await db.schema.createIndex('occurrences_finding').on('occurrences').columns(['finding_id']).execute();
  await withId(db.schema.createTable('finding_events'), dialect)
    .addColumn('finding_id', 'bigint', (c) => c.notNull().references('findings.id'))
    .addColumn('at', 'bigint', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('comment', 'text')
    .addColumn('scan_id', 'bigint')
    .execute();
  await db.schema
    .createIndex('finding_events_finding')
    .on('finding_events')
    .columns(['finding_id', 'at'])
    .execute();
}

async function programTables(db: Db, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('audit_events'), dialect)
    .addColumn('at', 'bigint', notNull)
    .addColumn('actor', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('target_type', 'text', notNull)
    .addColumn('target_id', 'text')
    .addColumn('project_id', 'bigint')
    .addColumn('detail', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').columns(['at']).execute();
  await withId(db.schema.createTable('exceptions'), dialect)
    .addColumn('kind', 'text', notNull)
    .addColumn('project_id', 'bigint', (c) => c.references('projects.id'))
    .addColumn('team_id', 'bigint', (c) => c.references('teams.id'))
    .addColumn('fingerprint', 'text')
    .addColumn('rule_id', 'text')
    .addColumn('path_glob', 'text')
    .addColumn('advisory_id', 'text')
    .addColumn('package_name', 'text')
    .addColumn('reason', 'text', notNull)
    .addColumn('requested_by', 'text', notNull)
    .addColumn('requested_at', 'bigint', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('decision_comment', 'text')
    .addColumn('expires_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('exceptions_status')
    .on('exceptions')
    .columns(['status', 'expires_at'])
    .execute();
  await db.schema
    .createTable('sla_policies')
    .addColumn('tier', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('days', 'integer', notNull)
    .addPrimaryKeyConstraint('sla_policies_pk', ['tier', 'severity'])
    .execute();
  await withId(db.schema.createTable('components'), dialect)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id'))
    .addColumn('branch', 'text', notNull)
    .addColumn('scan_id', 'bigint', notNull)
    .addColumn('ecosystem', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('version', 'text', notNull)
    .addColumn('purl', 'text')
    .addColumn('licenses', 'text')
    .execute();
  await db.schema.createIndex('components_name').on('components').columns(['name', 'ecosystem']).execute();
  await db.schema.createIndex('components_purl').on('components').columns(['purl']).execute();
  await db.schema
    .createIndex('components_project')
    .on('components')
    .columns(['project_id', 'branch'])
    .execute();
}

/** The audit log is append-only in the database itself, not only by convention of the code. */
async function appendOnlyAudit(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER audit_events_no_${op.toLowerCase()} BEFORE ${op} ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
        )
        .execute(db);
    return;
  }
  await sql`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`.execute(db);
  await sql`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`.execute(db);
}

/** The SLA days the issue and most programs start from: critical 7, high 30, medium 90, low 180. */
async function defaultSla(db: Db): Promise<void> {
  const days: Record<string, number> = { critical: 7, high: 30, medium: 90, low: 180, info: 365 };
  const rows = ['critical', 'high', 'medium', 'low'].flatMap((tier) =>
    Object.entries(days).map(([severity, d]) => ({ tier, severity, days: d })),
  );
  await db.insertInto('sla_policies').values(rows).execute();
}

export const initial: StoreMigration = {
  name: '001-initial',
  async up(db, dialect) {
    await identityTables(db, dialect);
    await scanTables(db, dialect);
    await findingTables(db, dialect);
    await programTables(db, dialect);
    await appendOnlyAudit(db, dialect);
    await defaultSla(db);
    if (dialect === 'postgres') await sql`ANALYZE`.execute(db);
  },
};
