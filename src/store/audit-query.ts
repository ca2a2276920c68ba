import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, Tables } from './schema.js';

export interface AuditFilter {
  actor?: string;
  action?: string;
  /** Set for a project filter, and always for a project-scoped credential. */
  projectId?: number;
  /** What the events are about: a type (finding, exception, …), and maybe one of them by id. */
  targetType?: string;
  targetId?: string;
  /** Epoch ms, both inclusive. */
  from?: number;
  to?: number;
}

export type AuditRow = Selectable<AuditEventTable> & { project_name: string | null };

/**
 * The audit log newest first, a page at a time: after `beforeId` (the last id of the previous
 * page), so a page costs the same however deep it is (no OFFSET), and events appended meanwhile
 * never shift a page.
 */
export async function listAudit(
  db: Kysely<Tables>,
  f: AuditFilter,
  limit: number,
  beforeId?: number,
): Promise<{ rows: AuditRow[]; more: boolean }> {
  let q = db
    .selectFrom('audit_events')
    .leftJoin('projects', 'projects.id', 'audit_events.project_id')
    .selectAll('audit_events')
    .select('projects.name as project_name')
    .orderBy('audit_events.id', 'desc')
    .limit(limit + 1);
  if (f.actor !== undefined) q = q.where('audit_events.actor', '=', f.actor);
  if (f.action !== undefined) q = q.where('audit_events.action', '=', f.action);
  if (f.targetType !== undefined) q = q.where('audit_events.target_type', '=', f.targetType);
  if (f.targetId !== undefined) q = q.where('audit_events.target_id', '=', f.targetId);
  if (f.projectId !== undefined) q = q.where('audit_events.project_id', '=', f.projectId);
  if (f.from !== undefined) q = q.where('audit_events.at', '>=', f.from);
  if (f.to !== undefined) q = q.where('audit_events.at', '<=', f.to);
  if (beforeId !== undefined) q = q.where('audit_events.id', '<', beforeId);
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}
