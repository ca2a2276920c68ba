import type { Kysely } from 'kysely';
import { type IngestContext, writeEvents } from './ingest-findings.js';
import type { Tables } from './schema.js';

const BATCH = 500;

/** States that end when the code no longer has the problem. */
const CLOSABLE = ['open', 'confirmed', 'in_progress', 'risk_accepted'] as const;

/**
 * A complete scan is the truth for its branch and scanners: what they found before on this
 * branch and did not report now is no longer present there. A finding present on no branch any
 * more is fixed. Scanners that did not run, failed or ran partially close nothing.
 */
export async function closeAbsent(
  db: Kysely<Tables>,
  ctx: IngestContext,
  scanners: readonly string[],
): Promise<number> {
  if (scanners.length === 0) return 0;
  // Seen by this scan = last seen by it: ingest holds the project's lock until commit.
  const gone = await db
    .updateTable('finding_presence')
    .set({ present: 0 })
    .where('project_id', '=', ctx.projectId)
    .where('branch', '=', ctx.branch)
    .where('scanner', 'in', scanners)
    .where('present', '=', 1)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('finding_seen as s')
            .select('s.finding_id')
            .whereRef('s.finding_id', '=', 'finding_presence.finding_id')
            .where('s.last_scan_id', '=', ctx.scanId),
        ),
      ),
    )
    .returning('finding_id')
    .execute();
  let fixed = 0;
  for (let i = 0; i < gone.length; i += BATCH)
    fixed += await fixUnseen(
      db,
      ctx,
      gone.slice(i, i + BATCH).map((g) => g.finding_id),
    );
  return fixed;
}

async function fixUnseen(db: Kysely<Tables>, ctx: IngestContext, ids: number[]): Promise<number> {
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .where('status', 'in', CLOSABLE)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('finding_presence as p')
            .select('p.finding_id')
            .whereRef('p.finding_id', '=', 'findings.id')
            .where('p.present', '=', 1),
        ),
      ),
    )
    .execute();
  if (rows.length === 0) return 0;
  await db
    .updateTable('findings')
    .set({ status: 'fixed', fixed_at: ctx.now, updated_at: ctx.now })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await writeEvents(
    db,
    ctx.dialect,
    rows.map((r) => ({
      finding_id: r.id,
      at: ctx.now,
      actor: ctx.actor,
      kind: 'fixed',
      from_status: r.status,
      to_status: 'fixed',
      comment: `not found by the complete scan ${ctx.scanId} of branch ${ctx.branch}`,
      scan_id: ctx.scanId,
    })),
  );
  return rows.length;
}
