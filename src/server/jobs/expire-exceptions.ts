import { recordAudit } from '../../store/audit.js';
import type { Store } from '../../store/connect.js';
import { writeEvents } from '../../store/ingest-findings.js';

/**
 * Approved exceptions past their expiry stop applying: the exception becomes `expired` and the
 * findings it had accepted are open again (with a history entry saying why).
 */
export async function expireExceptions(store: Store, now = Date.now()): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const due = await trx
      .updateTable('exceptions')
      .set({ status: 'expired' })
      .where('status', '=', 'approved')
      .where('expires_at', '<=', now)
      .returning(['id', 'project_id'])
      .execute();
    if (!due.length) return 0;
    const ids = due.map((e) => e.id);
    const reverted = await trx
      .updateTable('findings')
      .set({ status: 'open', exception_id: null, updated_at: now })
      .where('exception_id', 'in', ids)
      .where('status', '=', 'risk_accepted')
      .returning(['id', 'exception_id'])
      .execute();
    await writeEvents(
      trx,
      store.dialect,
      reverted.map((f) => ({
        finding_id: f.id,
        at: now,
        actor: 'gatehouse',
        kind: 'exception',
        from_status: 'risk_accepted',
        to_status: 'open',
        comment: 'the exception expired',
        scan_id: null,
      })),
    );
    for (const e of due)
      await recordAudit(
        trx,
        {
          actor: 'gatehouse',
          action: 'exception.expire',
          targetType: 'exception',
          targetId: String(e.id),
          projectId: e.project_id ?? undefined,
          detail: { findingsReopened: reverted.filter((f) => f.exception_id === e.id).length },
        },
        now,
      );
    return due.length;
  });
}
