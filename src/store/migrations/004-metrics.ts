import { sql } from 'kysely';
import type { StoreMigration } from './index.js';

/**
 * What the metrics need (docs/metrics.md): the advisory's publication time on findings, for the
 * mean time to detect, and indexes for the windows the metrics read. Most are partial, so the
 * findings a scan inserts (open, not fixed, not closed) cost little to index.
 */
const INDEXES = [
  // Remediation windows (MTTR, SLA compliance, burn-down), covering: read from the index alone.
  `CREATE INDEX findings_fixed_at ON findings (fixed_at, severity_rank, first_seen_at, sla_due_at)
     WHERE fixed_at IS NOT NULL`,
  `CREATE INDEX findings_closed_at ON findings (closed_at, severity_rank, first_seen_at, sla_due_at)
     WHERE closed_at IS NOT NULL AND fixed_at IS NULL`,
  // The open backlog by severity and age, and what is past due.
  `CREATE INDEX findings_open_age ON findings (severity_rank, first_seen_at, sla_due_at)
     WHERE status IN ('open', 'confirmed', 'in_progress')`,
  // Mean time to detect: dependency findings by first detection.
  `CREATE INDEX findings_dependency_seen ON findings (first_seen_at, severity_rank, advisory_published_at)
     WHERE advisory_id IS NOT NULL`,
  // Secrets detected.
  "CREATE INDEX findings_secrets_seen ON findings (first_seen_at, status) WHERE scanner = 'secrets'",
  // Triage decisions (rule noise): people's status changes only, not the scans' events.
  "CREATE INDEX finding_events_triage ON finding_events (at, finding_id, to_status) WHERE kind = 'status'",
  // Scans that carried secrets (secrets blocked): few, so the join starts from them.
  "CREATE INDEX scan_scanners_secrets ON scan_scanners (scan_id) WHERE scanner = 'secrets' AND findings > 0",
  // Gate pass rate, coverage and secrets blocked over every project; gate overrides by commit.
  'CREATE INDEX scans_received ON scans (received_at)',
  'CREATE INDEX scans_commit ON scans (project_id, commit_sha, id)',
];

export const metrics: StoreMigration = {
  name: '004-metrics',
  async up(db, dialect) {
    await db.schema.alterTable('findings').addColumn('advisory_published_at', 'bigint').execute();
    for (const statement of INDEXES) await sql.raw(statement).execute(db);
    if (dialect === 'postgres') await sql`ANALYZE findings`.execute(db);
  },
};
