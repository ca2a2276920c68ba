import type { ExceptionTable, FindingTable, ScanTable } from '../../store/schema.js';
import { type ExceptionSummary, type FindingSummary, iso, type ScanSummary } from './events.js';

/** The finding columns a notification shows. */
export const FINDING_COLUMNS = [
  'findings.id',
  'findings.title',
  'findings.severity',
  'findings.status',
  'findings.rule_id',
  'findings.scanner',
  'findings.path',
  'findings.start_line',
  'findings.fingerprint',
  'findings.advisory_id',
  'findings.package_purl',
  'findings.first_seen_at',
  'findings.sla_due_at',
] as const;

type FindingRow = Pick<
  FindingTable,
  | 'title'
  | 'severity'
  | 'status'
  | 'rule_id'
  | 'scanner'
  | 'path'
  | 'start_line'
  | 'fingerprint'
  | 'advisory_id'
  | 'package_purl'
  | 'first_seen_at'
  | 'sla_due_at'
> & { id: number };

export function findingSummary(f: FindingRow): FindingSummary {
  return {
    id: f.id,
    title: f.title,
    severity: f.severity,
    status: f.status,
    ruleId: f.rule_id,
    scanner: f.scanner,
    path: f.path,
    line: f.start_line,
    fingerprint: f.fingerprint,
    advisoryId: f.advisory_id,
    package: f.package_purl,
    firstSeenAt: iso(f.first_seen_at)!,
    slaDueAt: iso(f.sla_due_at),
  };
}

type ScanRow = Pick<
  ScanTable,
  | 'branch'
  | 'commit_sha'
  | 'pipeline_id'
  | 'stage'
  | 'gate_verdict'
  | 'findings_count'
  | 'new_count'
  | 'reopened_count'
  | 'fixed_count'
> & { id: number };

export function scanSummary(s: ScanRow): ScanSummary {
  return {
    id: s.id,
    branch: s.branch,
    commit: s.commit_sha,
    pipeline: s.pipeline_id,
    stage: s.stage,
    gateVerdict: s.gate_verdict,
    findings: s.findings_count,
    new: s.new_count,
    reopened: s.reopened_count,
    fixed: s.fixed_count,
  };
}

type ExceptionRow = Omit<ExceptionTable, 'id'> & { id: number };

export function exceptionSummary(e: ExceptionRow): ExceptionSummary {
  return {
    id: e.id,
    kind: e.kind,
    scope: exceptionScope(e),
    reason: e.reason,
    requestedBy: e.requested_by,
    approvedBy: e.decided_by,
    expiresAt: iso(e.expires_at),
  };
}

function exceptionScope(e: ExceptionRow): string {
  if (e.kind === 'fingerprint') return `fingerprint ${e.fingerprint ?? '?'}`;
  if (e.kind === 'rule') return `rule ${e.rule_id ?? '?'}${e.path_glob ? ` on ${e.path_glob}` : ''}`;
  return `${e.advisory_id ?? 'advisory'}${e.package_name ? ` in ${e.package_name}` : ''}`;
}
