import { sql } from 'kysely';
import type { StoreMigration } from './index.js';

/**
 * "Everything that happened to finding 42 / exception 7": the audit log filtered by its target,
 * newest first, read from an index in that order (no sort over a large log).
 */
export const auditTarget: StoreMigration = {
  name: '011-audit-target',
  async up(db) {
    await sql`CREATE INDEX audit_events_target ON audit_events (target_type, target_id, id)`.execute(db);
  },
};
