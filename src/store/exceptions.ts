import type { Insertable, Kysely } from 'kysely';
import { recordAudit } from './audit.js';
import type { Store } from './connect.js';
import { coveringException, type ExceptionRow, type ExceptionSubject } from './exception-match.js';
import { writeEvents } from './ingest-findings.js';
import type { ExceptionTable, FindingEventTable, FindingState, Tables } from './schema.js';

export const EXCEPTION_KINDS = ['fingerprint', 'rule', 'advisory'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export const EXCEPTION_STATES = ['pending', 'approved', 'rejected', 'expired', 'revoked'] as const;

/** States an approval turns into risk_accepted; triage decisions (false positive) are left alone. */
export const OPEN_LIKE: readonly FindingState[] = ['open', 'confirmed', 'in_progress'];
/** Findings an exception is said to cover "now": still present, accepted or not. */
const LIVE: readonly FindingState[] = [...OPEN_LIKE, 'risk_accepted'];

/** Findings updated per statement (IN lists stay well under both engines' parameter limits). */
const BATCH = 1000;

export interface CoveredFinding {
  id: number;
  projectId: number;
  status: FindingState;
  severityRank: number;
}

/**
 * The live findings an exception covers now, whatever its own status: candidates come from an
 * index (fingerprint, rule or advisory), then the same matcher ingest uses decides, so what an
 * approval accepts is exactly what later scans keep accepted.
 */
export async function coveredFindings(
  db: Kysely<Tables>,
  e: ExceptionRow,
  statuses: readonly FindingState[] = LIVE,
): Promise<CoveredFinding[]> {
  const needsPackage = e.kind === 'advisory' && e.package_name !== null;
  let q = db
    .selectFrom('findings')
    .innerJoin('projects', 'projects.id', 'findings.project_id')
    .select([
      'findings.id',
      'findings.project_id',
      'findings.status',
      'findings.severity_rank',
      'findings.fingerprint',
      'findings.rule_id',
      'findings.path',
      'findings.advisory_id',
      'projects.team_id',
    ])
    .$if(needsPackage, (qb) => qb.select('findings.data'))
    .where('findings.status', 'in', statuses);
  if (e.kind === 'fingerprint') q = q.where('findings.fingerprint', '=', e.fingerprint ?? '');
  else if (e.kind === 'rule') q = q.where('findings.rule_id', '=', e.rule_id ?? '');
  else q = q.where('findings.advisory_id', '=', e.advisory_id ?? '');
  if (e.project_id !== null) q = q.where('findings.project_id', '=', e.project_id);
  else if (e.team_id !== null) q = q.where('projects.team_id', '=', e.team_id);
  const rows = await q.orderBy('findings.id').execute();
  // Status and expiry are the caller's question; here only "would it match" is asked.
  const asActive = [{ ...e, status: 'approved' as const, expires_at: null }];
  return rows
    .filter((r) => {
      const subject: ExceptionSubject = {
        projectId: r.project_id,
        teamId: r.team_id,
        fingerprint: r.fingerprint,
        ruleId: r.rule_id,
        path: r.path,
        advisoryId: r.advisory_id,
        packageName: needsPackage ? packageNameOf(r.data) : null,
      };
      return coveringException(asActive, subject, 0) !== undefined;
    })
    .map((r) => ({ id: r.id, projectId: r.project_id, status: r.status, severityRank: r.severity_rank }));
}

function packageNameOf(data: string | undefined): string | null {
  try {
    const name = JSON.parse(data ?? '{}')?.vulnerability?.package?.name;
    return typeof name === 'string' ? name : null;
  } catch {
    return null;
  }
}

export type NewException = Omit<
  Insertable<ExceptionTable>,
  'id' | 'status' | 'decided_by' | 'decided_at' | 'decision_comment'
>;

/** Records a request (pending) and its audit entry; answers the stored row. */
export async function requestException(store: Store, e: NewException): Promise<ExceptionRow> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('exceptions')
      .values({ ...e, status: 'pending', decided_by: null, decided_at: null, decision_comment: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(
      trx,
      {
        actor: e.requested_by,
        action: 'exception.request',
        targetType: 'exception',
        targetId: String(row.id),
        projectId: row.project_id ?? undefined,
        detail: { kind: row.kind, reason: row.reason, expiresAt: row.expires_at },
      },
      e.requested_at,
    );
    return row;
  });
}

export interface Decision {
  actor: string;
  comment: string | null;
  now: number;
}

export type DecisionResult =
  | { ok: true; exception: ExceptionRow; findings: number }
  | { ok: false; status: ExceptionRow['status'] | 'missing' };

/**
 * Approves a pending exception and accepts, in the same transaction, every open-like finding it
 * covers. The status check is part of the UPDATE, so two approvers racing approve it once.
 */
export async function approveException(store: Store, id: number, d: Decision): Promise<DecisionResult> {
  return store.db.transaction().execute(async (trx) => {
    const e = await decide(trx, id, 'pending', 'approved', d);
    if (!e.ok) return e;
    const covered = await coveredFindings(trx, e.exception, OPEN_LIKE);
    const from = new Map(covered.map((f) => [f.id, f.status]));
    const accepted = await setStatus(trx, [...from.keys()], OPEN_LIKE, {
      status: 'risk_accepted',
      exception_id: id,
      updated_at: d.now,
    });
    const note = `exception #${id} approved by ${d.actor}${d.comment ? `: ${d.comment}` : ''}`;
    await writeEvents(
      trx,
      store.dialect,
      accepted.map((fid) => event(fid, from.get(fid)!, 'risk_accepted', note, d)),
    );
    await audit(trx, 'exception.approve', e.exception, d, { findingsAccepted: accepted.length });
    return { ...e, findings: accepted.length };
  });
}

export async function rejectException(store: Store, id: number, d: Decision): Promise<DecisionResult> {
  return store.db.transaction().execute(async (trx) => {
    const e = await decide(trx, id, 'pending', 'rejected', d);
    if (e.ok) await audit(trx, 'exception.reject', e.exception, d, {});
    return e;
  });
}

/**
 * Withdraws an approved exception: the findings it accepted are open again (a later scan may
 * accept them under another exception that still applies). The approval stays on the row; who
 * revoked it, when and why is in the audit log.
 */
export async function revokeException(store: Store, id: number, d: Decision): Promise<DecisionResult> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('exceptions')
      .set({ status: 'revoked' })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .returningAll()
      .executeTakeFirst();
    if (!row) return { ok: false, status: await statusOf(trx, id) };
    const held = await trx
      .selectFrom('findings')
      .select('id')
      .where('exception_id', '=', id)
      .where('status', '=', 'risk_accepted')
      .execute();
    const reopened = await setStatus(
      trx,
      held.map((f) => f.id),
      ['risk_accepted'],
      { status: 'open', exception_id: null, updated_at: d.now },
    );
    const note = `exception #${id} revoked by ${d.actor}${d.comment ? `: ${d.comment}` : ''}`;
    await writeEvents(
      trx,
      store.dialect,
      reopened.map((fid) => event(fid, 'risk_accepted', 'open', note, d)),
    );
    await audit(trx, 'exception.revoke', row, d, { findingsReopened: reopened.length });
    return { ok: true, exception: row, findings: reopened.length };
  });
}

async function decide(
  trx: Kysely<Tables>,
  id: number,
  from: ExceptionRow['status'],
  to: ExceptionRow['status'],
  d: Decision,
): Promise<DecisionResult> {
  const row = await trx
    .updateTable('exceptions')
    .set({ status: to, decided_by: d.actor, decided_at: d.now, decision_comment: d.comment })
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
  return row ? { ok: true, exception: row, findings: 0 } : { ok: false, status: await statusOf(trx, id) };
}

async function statusOf(trx: Kysely<Tables>, id: number) {
  const row = await trx.selectFrom('exceptions').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status ?? 'missing';
}

/** Moves findings still in one of `from` (a triage may have raced us) and answers which moved. */
async function setStatus(
  trx: Kysely<Tables>,
  ids: readonly number[],
  from: readonly FindingState[],
  set: { status: FindingState; exception_id: number | null; updated_at: number },
): Promise<number[]> {
  const moved: number[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await trx
      .updateTable('findings')
      .set(set)
      .where('id', 'in', ids.slice(i, i + BATCH))
      .where('status', 'in', from)
      .returning('id')
      .execute();
    moved.push(...rows.map((r) => r.id));
  }
  return moved;
}

function event(
  findingId: number,
  from: string,
  to: string,
  comment: string,
  d: Decision,
): Insertable<FindingEventTable> {
  return {
    finding_id: findingId,
    at: d.now,
    actor: d.actor,
    kind: 'exception',
    from_status: from,
    to_status: to,
    comment,
    scan_id: null,
  };
}

async function audit(
  trx: Kysely<Tables>,
  action: string,
  e: ExceptionRow,
  d: Decision,
  detail: Record<string, unknown>,
) {
  await recordAudit(
    trx,
    {
      actor: d.actor,
      action,
      targetType: 'exception',
      targetId: String(e.id),
      projectId: e.project_id ?? undefined,
      detail: { ...detail, ...(d.comment ? { comment: d.comment } : {}) },
    },
    d.now,
  );
}

export interface ExceptionListFilter {
  status?: ExceptionRow['status'];
  projectId?: number;
  /** Approved exceptions whose expiry falls between now and this instant. */
  expiringBefore?: number;
  now: number;
  /** Keyset cursor: ids below this one (newest first). */
  before?: number;
  limit: number;
}

export type ExceptionView = ExceptionRow & { project_name: string | null; team_name: string | null };

function withNames(db: Kysely<Tables>) {
  return db
    .selectFrom('exceptions')
    .leftJoin('projects', 'projects.id', 'exceptions.project_id')
    .leftJoin('teams', 'teams.id', 'exceptions.team_id')
    .selectAll('exceptions')
    .select(['projects.name as project_name', 'teams.name as team_name']);
}

/** Newest first; one row past `limit` tells the caller there is a next page. */
export async function listExceptions(db: Kysely<Tables>, f: ExceptionListFilter): Promise<ExceptionView[]> {
  let q = withNames(db)
    .orderBy('exceptions.id', 'desc')
    .limit(f.limit + 1);
  if (f.status) q = q.where('exceptions.status', '=', f.status);
  if (f.projectId !== undefined) q = q.where('exceptions.project_id', '=', f.projectId);
  if (f.before !== undefined) q = q.where('exceptions.id', '<', f.before);
  if (f.expiringBefore !== undefined)
    q = q
      .where('exceptions.status', '=', 'approved')
      .where('exceptions.expires_at', '>', f.now)
      .where('exceptions.expires_at', '<=', f.expiringBefore);
  return q.execute();
}

export async function getException(db: Kysely<Tables>, id: number): Promise<ExceptionView | undefined> {
  return withNames(db).where('exceptions.id', '=', id).executeTakeFirst();
}
