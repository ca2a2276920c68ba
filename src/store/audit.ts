import type { Kysely } from 'kysely';
import type { Tables } from './schema.js';

export interface AuditEntry {
  actor: string;
  /** `<object>.<verb>`: scan.ingest, finding.triage, exception.approve, token.create, … */
  action: string;
  targetType: string;
  targetId?: string;
  projectId?: number;
  detail?: unknown;
}

/** Appends to the audit log (the database refuses updates and deletes of it). */
export async function recordAudit(db: Kysely<Tables>, e: AuditEntry, now = Date.now()): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: now,
      actor: e.actor,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId ?? null,
      project_id: e.projectId ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}
