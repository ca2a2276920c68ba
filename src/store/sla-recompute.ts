import { type Kysely, sql } from 'kysely';
import { SEVERITIES, severityRank } from '../core/severity.js';
import { literals } from './metrics/scope.js';
import type { Tables } from './schema.js';
import { DAY_MS } from './sla.js';
import { OPEN_LIKE } from './sla-state.js';

export interface RecomputeScope {
  /** One project's findings, or (null) every project's. */
  projectId: number | null;
  restartOnReopen: boolean;
  now: number;
}

/**
 * Sets the due date of every open-like finding in scope to what the SLA policy in the database
 * gives now: the start of its clock plus the days of its project's tier for its severity, or no
 * due date when the policy has none. The clock starts at first detection, or with
 * `restartOnReopen` at the last reopen (finding_events kind 'reopened'). Resolved and accepted
 * findings keep theirs: the compliance metrics read them as history.
 *
 * One UPDATE per severity, each over one severity of the open backlog's index (findings_open_age);
 * only due dates that change are written. Answers how many changed. Run it in the transaction
 * that changed the policy or the tier, holding lockSlaPolicy.
 */
export async function recomputeDueDates(db: Kysely<Tables>, scope: RecomputeScope): Promise<number> {
  const start = scope.restartOnReopen
    ? sql`COALESCE((SELECT max(e.at) FROM finding_events e WHERE e.finding_id = findings.id AND e.kind = 'reopened'), findings.first_seen_at)`
    : sql`findings.first_seen_at`;
  // days is an integer column: widened before the multiplication, or PostgreSQL overflows int4.
  const due = sql<number | null>`${start} + (SELECT CAST(sp.days AS BIGINT) * ${sql.lit(DAY_MS)}
    FROM projects p INNER JOIN sla_policies sp ON sp.tier = p.tier
    WHERE p.id = findings.project_id AND sp.severity = findings.severity)`;
  let changed = 0;
  for (const severity of SEVERITIES) {
    let q = db
      .updateTable('findings')
      .set({ sla_due_at: due, updated_at: scope.now })
      .where('severity_rank', '=', severityRank(severity))
      .where(sql<boolean>`status IN ${literals(OPEN_LIKE)}`)
      .where(sql<boolean>`sla_due_at IS DISTINCT FROM ${due}`);
    if (scope.projectId !== null) q = q.where('project_id', '=', scope.projectId);
    const r = await q.executeTakeFirst();
    changed += Number(r.numUpdatedRows);
  }
  return changed;
}
