import type { Kysely, Transaction } from 'kysely';
import { enqueueScanNotifications } from '../server/notify/produce-scan.js';
import { recordAudit } from './audit.js';
import type { Store } from './connect.js';
import { closeAbsent } from './ingest-close.js';
import { type IngestContext, upsertFindings } from './ingest-findings.js';
import { lockProject } from './project-lock.js';
import type { Tables, Tier } from './schema.js';
import { slaPolicyFor } from './sla.js';
import type { ScanUpload } from './upload.js';

export interface IngestResult {
  scanId: number;
  projectId: number;
  /** True when this exact report had been uploaded before: nothing changed. */
  duplicate: boolean;
  findings: number;
  new: number;
  reopened: number;
  fixed: number;
}

/**
 * Records one uploaded scan in one transaction: findings upserted by fingerprint (new, seen
 * again, reopened), findings a complete scan no longer reports marked fixed, components
 * replaced, the audit log written. The same upload twice is recognised by its digest and
 * changes nothing; a crash at any point leaves no trace of the scan.
 */
export async function ingestScan(
  store: Store,
  upload: ScanUpload,
  actor: string,
  now = Date.now(),
): Promise<IngestResult> {
  return store.db.transaction().execute(async (trx) => {
    const project = await ensureProject(trx, upload, now);
    await lockProject(trx, store.dialect, project.id);
    const before = await uploadedBefore(trx, project.id, upload.digest);
    if (before) return before;
    const scanId = await insertScan(trx, project.id, upload, actor, now);
    const policy = await slaPolicyFor(trx, store.dialect, project.tier);
    const ctx: IngestContext = {
      dialect: store.dialect,
      projectId: project.id,
      teamId: project.team_id,
      scanId,
      branch: upload.context.branch,
      now,
      sla: policy.days,
      restartOnReopen: policy.restartOnReopen,
      exceptions: await trx.selectFrom('exceptions').selectAll().where('status', '=', 'approved').execute(),
      actor,
    };
    const counts = await upsertFindings(trx, ctx, upload.findings);
    const fixed = upload.complete ? await closeAbsent(trx, ctx, completeScanners(upload)) : 0;
    await trx
      .updateTable('scans')
      .set({
        findings_count: counts.findings,
        new_count: counts.new,
        reopened_count: counts.reopened,
        fixed_count: fixed,
      })
      .where('id', '=', scanId)
      .execute();
    await replaceComponents(trx, ctx, upload);
    await enqueueScanNotifications(trx, ctx);
    const result = { scanId, projectId: project.id, duplicate: false, ...counts, fixed };
    await recordAudit(
      trx,
      {
        actor,
        action: 'scan.ingest',
        targetType: 'scan',
        targetId: String(scanId),
        projectId: project.id,
        detail: result,
      },
      now,
    );
    return result;
  });
}

/**
 * The scan an upload with this digest made in the project, as the answer to uploading it again;
 * undefined when there is none. The server asks before reading the upload (a retry then costs a
 * hash), ingest again under the project lock.
 */
export async function uploadedBefore(
  db: Kysely<Tables>,
  projectId: number,
  digest: string,
): Promise<IngestResult | undefined> {
  const scan = await db
    .selectFrom('scans')
    .select(['id', 'findings_count'])
    .where('project_id', '=', projectId)
    .where('digest', '=', digest)
    .executeTakeFirst();
  if (!scan) return undefined;
  return {
    scanId: scan.id,
    projectId,
    duplicate: true,
    findings: scan.findings_count,
    new: 0,
    reopened: 0,
    fixed: 0,
  };
}

/** Scanners whose run covered the whole target: only they may close what they no longer see. */
function completeScanners(upload: ScanUpload): string[] {
  return upload.scanners.filter((s) => s.status === 'ok').map((s) => s.name);
}

async function ensureProject(trx: Transaction<Tables>, upload: ScanUpload, now: number) {
  const { project, repository, branch } = upload.context;
  await trx
    .insertInto('projects')
    .values({
      name: project,
      repository: repository ?? null,
      default_branch: branch,
      tier: 'medium' as Tier,
      team_id: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return trx
    .selectFrom('projects')
    .select(['id', 'tier', 'team_id'])
    .where('name', '=', project)
    .executeTakeFirstOrThrow();
}

async function insertScan(
  trx: Kysely<Tables>,
  projectId: number,
  u: ScanUpload,
  actor: string,
  now: number,
): Promise<number> {
  const time = (iso?: string) => (iso && !Number.isNaN(Date.parse(iso)) ? Date.parse(iso) : null);
  const { id } = await trx
    .insertInto('scans')
    .values({
      project_id: projectId,
      digest: u.digest,
      branch: u.context.branch,
      commit_sha: u.context.commit ?? null,
      repository: u.context.repository ?? null,
      pipeline_id: u.context.pipelineId ?? null,
      stage: u.context.stage ?? null,
      complete: u.complete ? 1 : 0,
      source: u.source,
      tool_version: u.toolVersion ?? null,
      started_at: time(u.startedAt),
      finished_at: time(u.finishedAt),
      received_at: now,
      gate_verdict: u.gateVerdict ?? null,
      policy_version: u.policyVersion ?? null,
      findings_count: 0,
      new_count: 0,
      reopened_count: 0,
      fixed_count: 0,
      uploaded_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (u.scanners.length)
    await trx
      .insertInto('scan_scanners')
      .values(
        u.scanners.map((s) => ({ scan_id: id, scanner: s.name, status: s.status, findings: s.findings })),
      )
      .execute();
  return id;
}

const COMPONENT_BATCH = 500;

/** The components of a branch are what its latest scan with an SBOM says they are. */
async function replaceComponents(trx: Kysely<Tables>, ctx: IngestContext, upload: ScanUpload): Promise<void> {
  const components = upload.components;
  if (!components) return;
  await trx
    .deleteFrom('components')
    .where('project_id', '=', ctx.projectId)
    .where('branch', '=', ctx.branch)
    .execute();
  for (let i = 0; i < components.length; i += COMPONENT_BATCH)
    await trx
      .insertInto('components')
      .values(
        components.slice(i, i + COMPONENT_BATCH).map((c) => ({
          project_id: ctx.projectId,
          branch: ctx.branch,
          scan_id: ctx.scanId,
          ecosystem: c.ecosystem,
          name: c.name,
          version: c.version,
          purl: c.purl ?? null,
          licenses: c.licenses?.length ? c.licenses.join(' ') : null,
        })),
      )
      .execute();
}
