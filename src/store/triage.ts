import type { Insertable, Kysely, Transaction } from 'kysely';
import { type Severity, severityRank } from '../core/severity.js';
import { recordAudit } from './audit.js';
import type { Store } from './connect.js';
import { writeEvents } from './ingest-findings.js';
import { lockProject } from './project-lock.js';
import type { FindingEventTable, FindingState, Tables, Tier } from './schema.js';
import { dueAt, slaDaysFor } from './sla.js';

/**
 * What people may set by hand. risk_accepted only comes with an approved exception (someone
 * other than the requester signed it, with an expiry), and fixed only from a scan that no longer
 * sees the problem: neither can be claimed by triage.
 */
export const TRIAGE_STATES: readonly FindingState[] = [
  'open',
  'confirmed',
  'in_progress',
  'false_positive',
  'closed',
];

export interface TriageRequest {
  ids: readonly number[];
  status?: FindingState;
  severity?: Severity;
  comment?: string;
  actor: string;
  /** The credential's project: findings of other projects do not exist for it. */
  projectId: number | null;
  /** Marks the audit events of a bulk request. */
  bulk?: boolean;
  now: number;
}

export interface TriageResult {
  /** Findings whose status or severity changed. */
  changed: number[];
  /** Findings already as asked (a comment, if any, was still added). */
  unchanged: number[];
}

/** Why a triage was refused; the codes are the API's. */
export class TriageError extends Error {
  constructor(
    readonly code: 'bad_request' | 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

interface Current {
  id: number;
  project_id: number;
  status: FindingState;
  severity: string;
  triaged_severity: string | null;
  first_seen_at: number;
  tier: Tier;
}

/**
 * Applies one triage decision to every finding of `ids`, all or nothing, in one transaction:
 * the findings, their history and the audit log change together.
 */
export async function triage(store: Store, req: TriageRequest): Promise<TriageResult> {
  checkRequest(req);
  return store.db.transaction().execute(async (trx) => {
    const rows = await lockFindings(trx, store.dialect, req);
    for (const r of rows) checkTransition(r, req);
    const changed = rows.filter((r) => changes(r, req));
    if (req.status !== undefined) await setStatus(trx, changed, req.status, req.now);
    if (req.severity !== undefined) {
      await setSeverity(trx, changed, req.severity, req.now);
      await pinSeverity(trx, rows, req.severity);
    }
    await writeEvents(
      trx,
      store.dialect,
      rows.flatMap((r) => events(r, req)),
    );
    for (const r of rows) await audit(trx, r, req);
    const changedIds = new Set(changed.map((r) => r.id));
    return {
      changed: rows.filter((r) => changedIds.has(r.id)).map((r) => r.id),
      unchanged: rows.filter((r) => !changedIds.has(r.id)).map((r) => r.id),
    };
  });
}

function checkRequest(req: TriageRequest): void {
  if (req.status === undefined && req.severity === undefined && !req.comment)
    throw new TriageError('bad_request', 'nothing to do: give status, severity or comment');
  if (req.status === 'risk_accepted')
    throw new TriageError(
      'conflict',
      'risk_accepted is not set by triage: request an exception (POST /api/v1/exceptions); once another person approves it, the findings it covers become risk_accepted',
    );
  if (req.status === 'fixed')
    throw new TriageError(
      'conflict',
      'fixed is set by scans only: a complete scan that no longer reports the finding fixes it (use closed to close it by hand)',
    );
  if (req.status === 'false_positive' && !req.comment?.trim())
    throw new TriageError(
      'bad_request',
      'a false positive needs a comment saying why (it feeds the rule-noise metric)',
    );
}

/** Reads the findings under lock, after the ingest lock of their projects (in id order: no deadlock). */
async function lockFindings(
  trx: Transaction<Tables>,
  dialect: Store['dialect'],
  req: TriageRequest,
): Promise<Current[]> {
  const ids = [...new Set(req.ids)];
  const select = () =>
    trx
      .selectFrom('findings')
      .innerJoin('projects', 'projects.id', 'findings.project_id')
      .select([
        'findings.id',
        'findings.project_id',
        'findings.status',
        'findings.severity',
        'findings.triaged_severity',
        'findings.first_seen_at',
        'projects.tier',
      ])
      .where('findings.id', 'in', ids)
      .orderBy('findings.id');
  let rows: Current[] = await select().execute();
  if (dialect === 'postgres') {
    for (const p of [...new Set(rows.map((r) => r.project_id))].sort((a, b) => a - b))
      await lockProject(trx, dialect, p);
    rows = await select().forUpdate('findings').execute();
  }
  const visible = rows.filter((r) => req.projectId === null || r.project_id === req.projectId);
  if (visible.length < ids.length) {
    const found = new Set(visible.map((r) => r.id));
    const missing = ids.filter((id) => !found.has(id));
    throw new TriageError(
      'not_found',
      `no finding ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
    );
  }
  return visible;
}

function checkTransition(r: Current, req: TriageRequest): void {
  if (req.status === undefined || req.status === r.status || TRIAGE_STATES.includes(r.status)) return;
  const why =
    r.status === 'risk_accepted'
      ? 'an approved exception holds it: revoke the exception (POST /api/v1/exceptions/{id}/revoke) to triage it again'
      : 'a scan fixed it: it reopens by itself if a scan reports it again';
  throw new TriageError('conflict', `finding ${r.id} is ${r.status}; ${why}`);
}

function changes(r: Current, req: TriageRequest): boolean {
  return (
    (req.status !== undefined && req.status !== r.status) ||
    (req.severity !== undefined && req.severity !== r.severity)
  );
}

async function setStatus(
  trx: Kysely<Tables>,
  rows: Current[],
  status: FindingState,
  now: number,
): Promise<void> {
  const ids = rows.filter((r) => r.status !== status).map((r) => r.id);
  if (ids.length === 0) return;
  // Resolved by a person (docs/metrics.md): the metrics count it from closed_at.
  const resolved = status === 'closed' || status === 'false_positive';
  await trx
    .updateTable('findings')
    .set({ status, closed_at: resolved ? now : null, updated_at: now })
    .where('id', 'in', ids)
    .execute();
}

/**
 * A person's severity is kept apart (triaged_severity) and wins over the scanner's on every later
 * scan; it moves the SLA due date as ingest does: from first seen, by the project's tier.
 */
async function setSeverity(
  trx: Kysely<Tables>,
  rows: Current[],
  severity: Severity,
  now: number,
): Promise<void> {
  for (const r of rows.filter((x) => x.severity !== severity)) {
    const days = await slaDaysFor(trx, r.tier);
    await trx
      .updateTable('findings')
      .set({
        severity,
        triaged_severity: severity,
        severity_rank: severityRank(severity),
        sla_due_at: dueAt(days, severity, r.first_seen_at),
        updated_at: now,
      })
      .where('id', '=', r.id)
      .execute();
  }
}

/**
 * A person who sets the severity the finding already has still decides it: later scans must not
 * change it either. Nothing else changes, so no event says so.
 */
async function pinSeverity(trx: Kysely<Tables>, rows: Current[], severity: Severity): Promise<void> {
  const ids = rows.filter((r) => r.severity === severity && r.triaged_severity !== severity).map((r) => r.id);
  if (ids.length)
    await trx.updateTable('findings').set({ triaged_severity: severity }).where('id', 'in', ids).execute();
}

/** The history rows of one finding: a status change, a severity change, or else the comment alone. */
function events(r: Current, req: TriageRequest): Insertable<FindingEventTable>[] {
  const base = { finding_id: r.id, at: req.now, actor: req.actor, scan_id: null };
  const out: Insertable<FindingEventTable>[] = [];
  let comment = req.comment?.trim() || null;
  if (req.status !== undefined && req.status !== r.status) {
    out.push({ ...base, kind: 'status', from_status: r.status, to_status: req.status, comment });
    comment = null;
  }
  if (req.severity !== undefined && req.severity !== r.severity) {
    // The severity event keeps the old and new severities in from/to.
    out.push({ ...base, kind: 'severity', from_status: r.severity, to_status: req.severity, comment });
    comment = null;
  }
  if (comment) out.push({ ...base, kind: 'comment', from_status: null, to_status: null, comment });
  return out;
}

async function audit(trx: Kysely<Tables>, r: Current, req: TriageRequest): Promise<void> {
  const status =
    req.status !== undefined && req.status !== r.status ? { from: r.status, to: req.status } : undefined;
  const severity =
    req.severity !== undefined && req.severity !== r.severity
      ? { from: r.severity, to: req.severity }
      : undefined;
  const comment = req.comment?.trim() || undefined;
  if (!status && !severity && !comment) return;
  await recordAudit(
    trx,
    {
      actor: req.actor,
      action: status || severity ? 'finding.triage' : 'finding.comment',
      targetType: 'finding',
      targetId: String(r.id),
      projectId: r.project_id,
      detail: { status, severity, comment, ...(req.bulk ? { bulk: true } : {}) },
    },
    req.now,
  );
}
