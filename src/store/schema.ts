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
  finding_seen: FindingSeenTable;
  finding_search: FindingSearchTable;
  occurrences: OccurrenceTable;
  finding_events: FindingEventTable;
  audit_events: AuditEventTable;
  tokens: TokenTable;
  users: UserTable;
  sessions: SessionTable;
  exceptions: ExceptionTable;
  sla_policies: SlaPolicyTable;
  components: ComponentTable;
  metric_snapshot_days: MetricSnapshotDayTable;
  metric_daily: MetricDailyTable;
  metric_daily_bins: MetricDailyBinTable;
  metric_scanner_daily: MetricScannerDailyTable;
  metric_triage_daily: MetricTriageDailyTable;
  metric_open_findings: MetricOpenFindingTable;
  metric_open_days: MetricOpenDayTable;
  metric_open_cutoff: MetricOpenCutoffTable;
  settings: SettingTable;
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
  /** The severity in force: the one a person set in triage, else the scanner's. */
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
  /** SHA-256 of `data` (migration 010): a scan reporting the finding unchanged rewrites nothing. */
  data_hash: string | null;
  /** The severity a person set in triage (migration 010); null while the scanner's applies. */
  triaged_severity: string | null;
  first_seen_at: number;
  first_scan_id: number;
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
}

/**
 * What PostgreSQL's text search reads (migration 010): 002's search expression of each finding,
 * null while pending (a new or changed finding, until the index-search job fills it).
 */
export interface FindingSearchTable {
  finding_id: number;
  search_text: string | null;
}

/** When a finding was last seen (migration 010); the row is created with the finding, by trigger. */
export interface FindingSeenTable {
  finding_id: number;
  /** findings.status, copied by trigger: the last-seen sort reads (status, last seen) from one index. */
  finding_status: FindingState;
  last_seen_at: number;
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
  /** scrypt, PHC string with its parameters (src/store/passwords.ts). */
  password_hash: string;
  created_at: number;
  disabled: number;
  /** Failed sign-ins in a row (migration 006); the tenth locks the account until `locked_until`. */
  failed_logins: Generated<number>;
  locked_until: number | null;
  /** Set when the user is limited to one project, as tokens can be. */
  project_id: number | null;
  last_login_at: number | null;
}

/** A browser session (migration 006); the cookie carries the secret, the id is its SHA-256. */
export interface SessionTable {
  id: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
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

/** Server-wide settings (migration 007): typed access and defaults in src/store/settings.ts. */
export interface SettingTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: number;
  updated_by: string;
}

/**
 * Daily metric snapshots (migration 009, docs/metrics.md#snapshots). `day` is the UTC day number
 * (epoch ms / 86,400,000); `project_id` 0 is the roll-up over every project.
 */
export interface MetricSnapshotDayTable {
  day: number;
  taken_at: number;
}

export interface MetricDailyTable {
  project_id: number;
  day: number;
  scanner: string;
  severity_rank: number;
  /** First seen that day. */
  opened: number;
  /** Resolved that day (fixed, or closed by a person). */
  resolved: number;
  /** Of those with a due date, resolved on or before it, and after it. */
  sla_met: number;
  sla_late: number;
}

/** The time-to-remediate histogram of the findings resolved that day (metrics/durations.ts bins). */
export interface MetricDailyBinTable {
  project_id: number;
  day: number;
  scanner: string;
  severity_rank: number;
  /** 0 fixed by a scan, 1 closed by a person. */
  kind: number;
  bin: number;
  n: number;
  total: number;
  lo: number;
  hi: number;
}

export interface MetricScannerDailyTable {
  project_id: number;
  day: number;
  scanner: string;
  /** Unresolved at the end of the day. */
  open_end: number;
  /** Scans received that day whose gate failed and in which this scanner reported findings. */
  blocked: number;
}

export interface MetricTriageDailyTable {
  project_id: number;
  day: number;
  scanner: string;
  rule_id: string;
  /** Findings with a triage decision that day. */
  triaged: number;
  /** Of those, decided false positive that day and still false positive when the day was taken. */
  false_positives: number;
}

/** Open-like findings as of the last snapshot (`metric_open_cutoff`). */
export interface MetricOpenFindingTable {
  finding_id: number;
  scanner: string;
  severity_rank: number;
  first_seen_at: number;
  sla_due_at: number | null;
}

/** `metric_open_findings` counted per scanner, severity, day first seen and day due (all projects). */
export interface MetricOpenDayTable {
  scanner: string;
  severity_rank: number;
  seen_day: number;
  due_day: number | null;
  n: number;
}

export interface MetricOpenCutoffTable {
  id: number;
  /** Changes at or after this time (findings.updated_at) are not in the open tables. */
  cutoff: number;
  /** The cutoff of the last time the open tables were taken whole, not refreshed. */
  taken_at: number;
}
