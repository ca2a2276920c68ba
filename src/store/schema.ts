import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Times are epoch milliseconds (bigint on PostgreSQL, read
 * back as numbers), flags are 0/1 integers and structured values are JSON text, so one set of
 * queries runs unchanged on SQLite and PostgreSQL.
 */
export interface Tables {
  teams: TeamTable;
  projects: ProjectTable;
  scans: ScanTable;
  scan_scanners: ScanScannerTable;
  findings: FindingTable;
  finding_presence: PresenceTable;
  occurrences: OccurrenceTable;
  finding_events: FindingEventTable;
  audit_events: AuditEventTable;
  tokens: TokenTable;
  users: UserTable;
  exceptions: ExceptionTable;
  sla_policies: SlaPolicyTable;
  components: ComponentTable;
}

export type FindingState =
  | 'open'
  | 'confirmed'
  | 'in_progress'
  | 'false_positive'
  | 'risk_accepted'
  | 'fixed'
  | 'closed';

export type Role = 'admin' | 'security' | 'developer' | 'auditor' | 'ci';
export type Tier = 'critical' | 'high' | 'medium' | 'low';

export interface TeamTable {
  id: Generated<number>;
  name: string;
  created_at: number;
}

export interface ProjectTable {
  id: Generated<number>;
  name: string;
  repository: string | null;
  default_branch: string | null;
  tier: Tier;
  team_id: number | null;
  created_at: number;
}

export interface ScanTable {
  id: Generated<number>;
  project_id: number;
  /** SHA-256 of the uploaded report: the same upload twice is the same scan. */
  digest: string;
  branch: string;
  commit_sha: string | null;
  repository: string | null;
  pipeline_id: string | null;
  stage: string | null;
  /** 1 when every scanner covered the whole target (not `--changed-since`). */
  complete: number;
  source: string;
  tool_version: string | null;
  started_at: number | null;
  finished_at: number | null;
  received_at: number;
  gate_verdict: string | null;
  policy_version: string | null;
  findings_count: number;
  new_count: number;
  reopened_count: number;
  fixed_count: number;
  uploaded_by: string | null;
}

export interface ScanScannerTable {
  scan_id: number;
  scanner: string;
  status: string;
  findings: number;
}

export interface FindingTable {
  id: Generated<number>;
  project_id: number;
  fingerprint: string;
  scanner: string;
  rule_id: string;
  title: string;
  message: string;
  severity: string;
  /** critical 4 … info 0 (core/severity), so sorting by severity is sorting by a number. */
  severity_rank: number;
  confidence: string;
  status: FindingState;
  path: string;
  start_line: number | null;
  /** Identifier of the advisory for dependency findings, for exceptions and MTTD. */
  advisory_id: string | null;
  package_purl: string | null;
  /** When the advisory was published (migration 006), for the mean time to detect. */
  advisory_published_at: number | null;
  /** The whole finding as JSON (already redacted by the scanner; redacted again on insert). */
  data: string;
  first_seen_at: number;
  last_seen_at: number;
  first_scan_id: number;
  last_scan_id: number;
  fixed_at: number | null;
  closed_at: number | null;
  reopened_count: number;
  sla_due_at: number | null;
  exception_id: number | null;
  updated_at: number;
}

export interface PresenceTable {
  project_id: number;
  finding_id: number;
  branch: string;
  scanner: string;
  present: number;
  last_scan_id: number;
}

export interface OccurrenceTable {
  scan_id: number;
  finding_id: number;
  path: string;
  start_line: number | null;
}

export interface FindingEventTable {
  id: Generated<number>;
  finding_id: number;
  at: number;
  actor: string;
  /** created, reopened, fixed, status, exception, severity, comment */
  kind: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  scan_id: number | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: number;
  actor: string;
  action: string;
  target_type: string;
  target_id: string | null;
  project_id: number | null;
  detail: string;
}

export interface TokenTable {
  id: Generated<number>;
  name: string;
  role: Role;
  project_id: number | null;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  hash: string;
  /** The first characters, so a user can tell their tokens apart. */
  prefix: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
  disabled: number;
}

export type ExceptionState = 'pending' | 'approved' | 'rejected' | 'expired' | 'revoked';

export interface ExceptionTable {
  id: Generated<number>;
  /** fingerprint | rule | advisory */
  kind: string;
  project_id: number | null;
  team_id: number | null;
  fingerprint: string | null;
  rule_id: string | null;
  path_glob: string | null;
  advisory_id: string | null;
  package_name: string | null;
  reason: string;
  requested_by: string;
  requested_at: number;
  status: ExceptionState;
  decided_by: string | null;
  decided_at: number | null;
  decision_comment: string | null;
  expires_at: number | null;
}

export interface SlaPolicyTable {
  tier: Tier;
  severity: string;
  days: number;
}

export interface ComponentTable {
  id: Generated<number>;
  project_id: number;
  branch: string;
  scan_id: number;
  ecosystem: string;
  name: string;
  version: string;
  purl: string | null;
  licenses: string | null;
}
