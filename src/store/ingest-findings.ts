import type { Insertable, Kysely } from 'kysely';
import type { Finding } from '../core/finding.js';
import { isSeverity, severityRank } from '../core/severity.js';
import { type BulkColumn, bulkWrite } from './bulk.js';
import type { Dialect } from './connect.js';
import { coveringException, type ExceptionRow } from './exception-match.js';
import type { FindingEventTable, FindingState, FindingTable, Tables } from './schema.js';
import { scrubSecrets } from './scrub.js';
import { dueAt, type SlaDays } from './sla.js';

export interface IngestContext {
  dialect: Dialect;
  projectId: number;
  teamId: number | null;
  scanId: number;
  branch: string;
  now: number;
  sla: SlaDays;
  exceptions: readonly ExceptionRow[];
  actor: string;
}

export interface UpsertCounts {
  findings: number;
  new: number;
  reopened: number;
}

/** Findings read and written per round trip. */
const BATCH = 2000;

const STORED_COLUMNS = [
  'id',
  'fingerprint',
  'status',
  'severity',
  'reopened_count',
  'sla_due_at',
  'exception_id',
  'first_seen_at',
  'first_scan_id',
  'fixed_at',
  'closed_at',
  'updated_at',
] as const;

type Stored = Pick<FindingTable, Exclude<(typeof STORED_COLUMNS)[number], 'id'>> & { id: number };

/** States a human or an exception chose: a scan seeing the finding again does not undo them. */
const GONE: ReadonlySet<FindingState> = new Set(['fixed', 'closed']);
const OPEN_LIKE: ReadonlySet<FindingState> = new Set(['open', 'confirmed', 'in_progress']);

export async function upsertFindings(
  db: Kysely<Tables>,
  ctx: IngestContext,
  findings: readonly Finding[],
): Promise<UpsertCounts> {
  const unique = dedupe(findings);
  const counts: UpsertCounts = { findings: unique.length, new: 0, reopened: 0 };
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    const stored = await storedFindings(db, ctx.projectId, batch);
    const planned = batch.map((f) => plan(ctx, f, stored.get(f.fingerprint)));
    const ids = await writeFindings(
      db,
      ctx.dialect,
      planned.map((p) => p.row),
    );
    const events: Insertable<FindingEventTable>[] = [];
    for (const p of planned) {
      const id = ids.get(p.row.fingerprint)!;
      if (p.event) events.push({ ...p.event, finding_id: id });
      if (p.event?.kind === 'created') counts.new++;
      if (p.event?.kind === 'reopened') counts.reopened++;
    }
    await writeEvents(db, ctx.dialect, events);
    await markPresent(db, ctx, batch, ids);
  }
  return counts;
}

/** One finding per fingerprint: the first (reports are sorted worst first). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.fingerprint) && seen.add(f.fingerprint));
}

async function storedFindings(
  db: Kysely<Tables>,
  projectId: number,
  batch: readonly Finding[],
): Promise<Map<string, Stored>> {
  const rows = await db
    .selectFrom('findings')
    .select([...STORED_COLUMNS])
    .where('project_id', '=', projectId)
    .where(
      'fingerprint',
      'in',
      batch.map((f) => f.fingerprint),
    )
    .execute();
  return new Map(rows.map((r) => [r.fingerprint, r]));
}

interface Planned {
  row: Insertable<FindingTable> & { fingerprint: string };
  event?: Omit<Insertable<FindingEventTable>, 'finding_id'>;
}

function plan(ctx: IngestContext, f: Finding, old: Stored | undefined): Planned {
  const severity = isSeverity(f.severity) ? f.severity : 'medium';
  const exception = coveringException(ctx.exceptions, subject(ctx, f), ctx.now);
  const base = baseRow(ctx, f, severity);
  const event = (kind: string, from: string | null, to: string) =>
    ({
      at: ctx.now,
      actor: ctx.actor,
      kind,
      from_status: from,
      to_status: to,
      comment: null,
      scan_id: ctx.scanId,
    }) as const;
  if (!old) {
    const status: FindingState = exception ? 'risk_accepted' : 'open';
    const row = {
      ...base,
      status,
      first_seen_at: ctx.now,
      first_scan_id: ctx.scanId,
      fixed_at: null,
      closed_at: null,
    };
    return {
      row: {
        ...row,
        reopened_count: 0,
        sla_due_at: dueAt(ctx.sla, severity, ctx.now),
        exception_id: exception?.id ?? null,
        updated_at: ctx.now,
      },
      event: event('created', null, status),
    };
  }
  const keep = {
    first_seen_at: old.first_seen_at,
    first_scan_id: old.first_scan_id,
    fixed_at: old.fixed_at,
    closed_at: old.closed_at,
  };
  const sla = old.severity === severity ? old.sla_due_at : dueAt(ctx.sla, severity, old.first_seen_at);
  if (GONE.has(old.status)) {
    const status: FindingState = exception ? 'risk_accepted' : 'open';
    return {
      row: {
        ...base,
        ...keep,
        status,
        fixed_at: null,
        closed_at: null,
        reopened_count: old.reopened_count + 1,
        sla_due_at: dueAt(ctx.sla, severity, ctx.now),
        exception_id: exception?.id ?? null,
        updated_at: ctx.now,
      },
      event: event('reopened', old.status, status),
    };
  }
  const accepted = exception !== undefined && OPEN_LIKE.has(old.status);
  const status: FindingState = accepted ? 'risk_accepted' : old.status;
  const changed = accepted || old.severity !== severity;
  return {
    row: {
      ...base,
      ...keep,
      status,
      reopened_count: old.reopened_count,
      sla_due_at: sla,
      exception_id: accepted ? exception.id : old.exception_id,
      updated_at: changed ? ctx.now : old.updated_at,
    },
    event: accepted ? event('exception', old.status, status) : undefined,
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

/** The columns a scan sets every time it sees the finding (scrubbed of secrets). */
function baseRow(ctx: IngestContext, f: Finding, severity: Finding['severity']) {
  const data = scrubSecrets(JSON.stringify(f));
  return {
    project_id: ctx.projectId,
    fingerprint: f.fingerprint,
    scanner: f.scanner,
    rule_id: f.ruleId,
    title: scrubSecrets(f.title),
    message: scrubSecrets(f.message),
    severity,
    severity_rank: severityRank(severity),
    confidence: f.confidence,
    path: f.location.path,
    start_line: f.location.startLine ?? null,
    advisory_id: f.vulnerability?.id ?? null,
    package_purl: f.vulnerability?.package.purl ?? null,
    advisory_published_at: epochMs(f.vulnerability?.published),
    data,
    last_seen_at: ctx.now,
    last_scan_id: ctx.scanId,
  };
}

/** An RFC 3339 time as epoch ms; null when absent or unparsable (it only feeds a metric). */
function epochMs(iso: string | undefined): number | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? null : ms;
}

const text = (name: string): BulkColumn => ({ name, pg: 'text' });
const big = (name: string): BulkColumn => ({ name, pg: 'bigint' });
const int = (name: string): BulkColumn => ({ name, pg: 'integer' });

const FINDING_COLUMNS: readonly BulkColumn[] = [
  big('project_id'),
  text('fingerprint'),
  text('scanner'),
  text('rule_id'),
  text('title'),
  text('message'),
  text('severity'),
  int('severity_rank'),
  text('confidence'),
  text('status'),
  text('path'),
  int('start_line'),
  text('advisory_id'),
  text('package_purl'),
  big('advisory_published_at'),
  text('data'),
  big('first_seen_at'),
  big('last_seen_at'),
  big('first_scan_id'),
  big('last_scan_id'),
  big('fixed_at'),
  big('closed_at'),
  int('reopened_count'),
  big('sla_due_at'),
  big('exception_id'),
  big('updated_at'),
];

/** What a scan that sees a stored finding again rewrites (never first_seen_at, first_scan_id). */
const REWRITTEN = FINDING_COLUMNS.map((c) => c.name).filter(
  (n) => !['project_id', 'fingerprint', 'first_seen_at', 'first_scan_id'].includes(n),
);

/** Inserts new findings and updates seen ones in one statement per batch; returns fingerprint -> id. */
async function writeFindings(
  db: Kysely<Tables>,
  dialect: Dialect,
  rows: Planned['row'][],
): Promise<Map<string, number>> {
  const written = await bulkWrite<{ id: number; fingerprint: string }>(db, dialect, {
    table: 'findings',
    columns: FINDING_COLUMNS,
    rows,
    conflict: { target: ['project_id', 'fingerprint'], update: REWRITTEN },
    returning: ['id', 'fingerprint'],
  });
  return new Map(written.map((r) => [r.fingerprint, Number(r.id)]));
}

export const EVENT_COLUMNS: readonly BulkColumn[] = [
  big('finding_id'),
  big('at'),
  text('actor'),
  text('kind'),
  text('from_status'),
  text('to_status'),
  text('comment'),
  big('scan_id'),
];

export async function writeEvents(
  db: Kysely<Tables>,
  dialect: Dialect,
  events: Insertable<FindingEventTable>[],
): Promise<void> {
  await bulkWrite(db, dialect, {
    table: 'finding_events',
    columns: EVENT_COLUMNS,
    rows: events as Record<string, unknown>[],
  });
}

/** Where each finding was seen: its presence on this branch, and this scan's occurrence. */
async function markPresent(
  db: Kysely<Tables>,
  ctx: IngestContext,
  batch: readonly Finding[],
  ids: ReadonlyMap<string, number>,
): Promise<void> {
  const rows = batch.map((f) => ({
    project_id: ctx.projectId,
    finding_id: ids.get(f.fingerprint)!,
    branch: ctx.branch,
    scanner: f.scanner,
    present: 1,
    last_scan_id: ctx.scanId,
    scan_id: ctx.scanId,
    path: f.location.path,
    start_line: f.location.startLine ?? null,
  }));
  await bulkWrite(db, ctx.dialect, {
    table: 'finding_presence',
    columns: [
      big('project_id'),
      big('finding_id'),
      text('branch'),
      text('scanner'),
      int('present'),
      big('last_scan_id'),
    ],
    rows,
    conflict: { target: ['finding_id', 'branch'], update: ['present', 'scanner', 'last_scan_id'] },
  });
  await bulkWrite(db, ctx.dialect, {
    table: 'occurrences',
    columns: [big('scan_id'), big('finding_id'), text('path'), int('start_line')],
    rows,
  });
}
