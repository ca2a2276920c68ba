import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Finding } from '../core/finding.js';
import { isSeverity, type Severity, severityRank } from '../core/severity.js';
import type { Dialect } from './connect.js';
import { coveringException, type ExceptionRow } from './exception-match.js';
import type { FindingEventTable, FindingState, FindingTable } from './schema.js';
import { scrubSecrets } from './scrub.js';
import { DAY_MS, dueAt, type SlaDays } from './sla.js';

export interface IngestContext {
  dialect: Dialect;
  projectId: number;
  teamId: number | null;
  scanId: number;
  branch: string;
  now: number;
  sla: SlaDays;
  /** The SLA policy's choice: a reopened finding's clock starts again (else it runs from first detection). */
  restartOnReopen: boolean;
  exceptions: readonly ExceptionRow[];
  actor: string;
}

/** What ingest reads of a finding the project already has, with its presence on the scan's branch. */
export interface StoredFinding {
  id: number;
  fingerprint: string;
  status: FindingState;
  severity: string;
  triaged_severity: string | null;
  reopened_count: number;
  sla_due_at: number | null;
  exception_id: number | null;
  first_seen_at: number;
  first_scan_id: number;
  fixed_at: number | null;
  closed_at: number | null;
  updated_at: number;
  data_hash: string | null;
  /** 1 or 0 when the finding has a presence row on the branch, null when it has none. */
  present: number | null;
  presence_scanner: string | null;
}

/** A finding row as ingest writes it: all but the columns only people set. */
export type FindingRow = Omit<Insertable<FindingTable>, 'triaged_severity'> & { fingerprint: string };
export type PlannedEvent = Omit<Insertable<FindingEventTable>, 'finding_id'>;

/** What a scan changes about one finding: no row and no event when it is reported as it was. */
export interface Planned {
  finding: Finding;
  /** Set when the finding is stored already. */
  id?: number;
  /** The row to insert, or to write over the stored one; absent when nothing in it changed. */
  row?: FindingRow;
  event?: PlannedEvent;
  /** Its presence on the branch must be written: it was absent, gone or seen by another scanner. */
  presence: boolean;
}

/** A scan that reports a finding in these states reopens it. */
const GONE: ReadonlySet<FindingState> = new Set(['fixed', 'closed']);
/** States an approved exception turns into risk_accepted; the others a person chose stay. */
const OPEN_LIKE: ReadonlySet<FindingState> = new Set(['open', 'confirmed', 'in_progress']);

/** What reporting `f` does to the stored finding `old` (undefined: it is new to the project). */
export function plan(ctx: IngestContext, f: Finding, old: StoredFinding | undefined): Planned {
  const exception = coveringException(ctx.exceptions, subject(ctx, f), ctx.now);
  if (!old) return planNew(ctx, f, exception);
  const severity = inForce(old.triaged_severity, f.severity);
  const presence = old.present !== 1 || old.presence_scanner !== f.scanner;
  const fresh = changedText(f, old.data_hash);
  if (GONE.has(old.status)) {
    const status: FindingState = exception ? 'risk_accepted' : 'open';
    const row = findingRow(ctx, f, severity, fresh ?? storedText(f), {
      status,
      first_seen_at: old.first_seen_at,
      first_scan_id: old.first_scan_id,
      fixed_at: null,
      closed_at: null,
      reopened_count: old.reopened_count + 1,
      sla_due_at: dueAt(ctx.sla, severity, ctx.restartOnReopen ? ctx.now : old.first_seen_at),
      exception_id: exception?.id ?? null,
      updated_at: ctx.now,
    });
    return { id: old.id, finding: f, presence, row, event: event(ctx, 'reopened', old.status, status) };
  }
  const accepted = exception !== undefined && OPEN_LIKE.has(old.status);
  const changed = accepted || old.severity !== severity;
  if (!changed && !fresh) return { id: old.id, finding: f, presence };
  const status: FindingState = accepted ? 'risk_accepted' : old.status;
  const row = findingRow(ctx, f, severity, fresh ?? storedText(f), {
    status,
    first_seen_at: old.first_seen_at,
    first_scan_id: old.first_scan_id,
    fixed_at: old.fixed_at,
    closed_at: old.closed_at,
    reopened_count: old.reopened_count,
    sla_due_at: old.severity === severity ? old.sla_due_at : dueAt(ctx.sla, severity, clockStart(ctx, old)),
    exception_id: accepted ? exception.id : old.exception_id,
    updated_at: changed ? ctx.now : old.updated_at,
  });
  const e = accepted ? event(ctx, 'exception', old.status, status) : undefined;
  return { id: old.id, finding: f, presence, row, event: e };
}

function planNew(ctx: IngestContext, f: Finding, exception: ExceptionRow | undefined): Planned {
  const severity = inForce(null, f.severity);
  const status: FindingState = exception ? 'risk_accepted' : 'open';
  const row = findingRow(ctx, f, severity, storedText(f), {
    status,
    first_seen_at: ctx.now,
    first_scan_id: ctx.scanId,
    fixed_at: null,
    closed_at: null,
    reopened_count: 0,
    sla_due_at: dueAt(ctx.sla, severity, ctx.now),
    exception_id: exception?.id ?? null,
    updated_at: ctx.now,
  });
  return { finding: f, row, event: event(ctx, 'created', null, status), presence: true };
}

/**
 * When the finding's SLA clock started: its first detection, or with `restartOnReopen` its last
 * reopen, which its due date still encodes (due = start + the days of its severity).
 */
function clockStart(ctx: IngestContext, old: StoredFinding): number {
  const days = ctx.sla.get(old.severity);
  if (!ctx.restartOnReopen || old.reopened_count === 0 || old.sla_due_at === null || days === undefined)
    return old.first_seen_at;
  return old.sla_due_at - days * DAY_MS;
}

/** A person's severity wins; else the scanner's, read as medium when it is not one Gatehouse knows. */
function inForce(triaged: string | null, reported: string): Severity {
  if (isSeverity(triaged)) return triaged;
  return isSeverity(reported) ? reported : 'medium';
}

function event(ctx: IngestContext, kind: string, from: string | null, to: string): PlannedEvent {
  return {
    at: ctx.now,
    actor: ctx.actor,
    kind,
    from_status: from,
    to_status: to,
    comment: null,
    scan_id: ctx.scanId,
  };
}

function subject(ctx: IngestContext, f: Finding) {
  return {
    projectId: ctx.projectId,
    teamId: ctx.teamId,
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    path: f.location.path,
    advisoryId: f.vulnerability?.id ?? null,
    packageName: f.vulnerability?.package.name ?? null,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A finding's text as stored: the report JSON and the fields lists show, scrubbed of secrets. */
interface StoredText {
  data: string;
  data_hash: string;
  title: string;
  message: string;
}

function storedText(f: Finding, json = JSON.stringify(f)): StoredText {
  const data = scrubSecrets(json);
  return { data, data_hash: sha256(data), title: scrubSecrets(f.title), message: scrubSecrets(f.message) };
}

/**
 * The finding's text when it differs from what is stored (whose hash is `stored`), else
 * undefined. The report's JSON is hashed first: when it is byte for byte the stored (already
 * scrubbed) JSON, nothing needs scrubbing; only a finding that changed, or that carries a secret
 * the stored copy has masked, is scrubbed to be compared.
 */
function changedText(f: Finding, stored: string | null): StoredText | undefined {
  const json = JSON.stringify(f);
  if (stored !== null && sha256(json) === stored) return undefined;
  const text = storedText(f, json);
  return text.data_hash === stored ? undefined : text;
}

/** What ingest decides about a finding, beside what the scanner reported. */
type Lifecycle = Pick<
  FindingRow,
  | 'status'
  | 'first_seen_at'
  | 'first_scan_id'
  | 'fixed_at'
  | 'closed_at'
  | 'reopened_count'
  | 'sla_due_at'
  | 'exception_id'
  | 'updated_at'
>;

/** The whole row, built in one literal: 100,000 findings make spreads and reshaping show. */
function findingRow(
  ctx: IngestContext,
  f: Finding,
  severity: Severity,
  text: StoredText,
  l: Lifecycle,
): FindingRow {
  return {
    project_id: ctx.projectId,
    fingerprint: f.fingerprint,
    scanner: f.scanner,
    rule_id: f.ruleId,
    title: text.title,
    message: text.message,
    severity,
    severity_rank: severityRank(severity),
    confidence: f.confidence,
    status: l.status,
    path: f.location.path,
    start_line: f.location.startLine ?? null,
    advisory_id: f.vulnerability?.id ?? null,
    package_purl: f.vulnerability?.package.purl ?? null,
    advisory_published_at: epochMs(f.vulnerability?.published),
    data: text.data,
    data_hash: text.data_hash,
    first_seen_at: l.first_seen_at,
    first_scan_id: l.first_scan_id,
    fixed_at: l.fixed_at,
    closed_at: l.closed_at,
    reopened_count: l.reopened_count,
    sla_due_at: l.sla_due_at,
    exception_id: l.exception_id,
    updated_at: l.updated_at,
  };
}

/** An RFC 3339 time as epoch ms; null when absent or unparsable (it only feeds a metric). */
function epochMs(iso: string | undefined): number | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}
