import { sql } from 'kysely';
import type { StoreMigration } from './index.js';

/**
 * Daily metric snapshots (docs/metrics.md#snapshots). The four daily tables hold additive
 * counters per UTC day (`day` = epoch ms / 86,400,000), project and the dimensions the metrics
 * group by; `project_id` 0 is the roll-up over every project, so an organisation-wide answer
 * reads a few rows a day instead of one per project. On PostgreSQL they are partitioned by month
 * of `day` (the job creates partitions ahead and drops whole expired months); on SQLite they are
 * plain tables. The open tables keep the open backlog as of the last snapshot, so "open now" is
 * that backlog corrected by the findings changed since (`findings_updated_at`).
 */
const DAILY: Record<string, { columns: string; key: string }> = {
  metric_daily: {
    columns: `opened integer NOT NULL, resolved integer NOT NULL,
      sla_met integer NOT NULL, sla_late integer NOT NULL`,
    key: 'project_id, day, scanner, severity_rank',
  },
  metric_daily_bins: {
    columns: `kind integer NOT NULL, bin integer NOT NULL, n integer NOT NULL,
      total bigint NOT NULL, lo bigint NOT NULL, hi bigint NOT NULL`,
    key: 'project_id, day, scanner, severity_rank, kind, bin',
  },
  metric_scanner_daily: {
    columns: 'open_end integer NOT NULL, blocked integer NOT NULL',
    key: 'project_id, day, scanner',
  },
  metric_triage_daily: {
    columns: 'rule_id text NOT NULL, triaged integer NOT NULL, false_positives integer NOT NULL',
    key: 'project_id, day, scanner, rule_id',
  },
};

/** The daily tables' names, for the job's partition and retention steps. */
export const DAILY_TABLES = Object.keys(DAILY);

export const metricSnapshots: StoreMigration = {
  name: '009-metric-snapshots',
  async up(db, dialect) {
    const partitioned = dialect === 'postgres' ? ' PARTITION BY RANGE (day)' : '';
    for (const [table, t] of Object.entries(DAILY)) {
      const severity = table === 'metric_daily' || table === 'metric_daily_bins';
      await sql
        .raw(`CREATE TABLE ${table} (project_id bigint NOT NULL, day integer NOT NULL,
          scanner text NOT NULL, ${severity ? 'severity_rank integer NOT NULL,' : ''} ${t.columns},
          PRIMARY KEY (${t.key}))${partitioned}`)
        .execute(db);
      // Replacing one day (the job is idempotent) deletes by day alone.
      await sql.raw(`CREATE INDEX ${table}_day ON ${table} (day)`).execute(db);
    }
    await db.schema
      .createTable('metric_snapshot_days')
      .addColumn('day', 'integer', (c) => c.primaryKey())
      .addColumn('taken_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('metric_open_findings')
      .addColumn('finding_id', 'bigint', (c) => c.primaryKey())
      .addColumn('scanner', 'text', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('sla_due_at', 'bigint')
      .execute();
    // Covering: the days an age boundary or "now" cuts are read from the index alone.
    await sql`CREATE INDEX metric_open_findings_seen ON metric_open_findings
      (first_seen_at, sla_due_at, severity_rank, scanner)`.execute(db);
    await sql`CREATE INDEX metric_open_findings_due ON metric_open_findings
      (sla_due_at, first_seen_at, severity_rank, scanner)`.execute(db);
    await db.schema
      .createTable('metric_open_days')
      .addColumn('scanner', 'text', (c) => c.notNull())
      .addColumn('severity_rank', 'integer', (c) => c.notNull())
      .addColumn('seen_day', 'integer', (c) => c.notNull())
      .addColumn('due_day', 'integer')
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('metric_open_cutoff')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('cutoff', 'bigint', (c) => c.notNull())
      .addColumn('taken_at', 'bigint', (c) => c.notNull())
      .execute();
    // Every change that moves a finding in or out of the backlog sets updated_at.
    await sql`CREATE INDEX findings_updated_at ON findings (updated_at)`.execute(db);
  },
};
