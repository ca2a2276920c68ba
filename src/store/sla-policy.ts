import type { Kysely } from 'kysely';
import { SEVERITIES, type Severity } from '../core/severity.js';
import { recordAudit } from './audit.js';
import type { Store } from './connect.js';
import type { Tables, Tier } from './schema.js';
import { getSetting, setSetting } from './settings.js';
import { lockSlaPolicy, TIERS } from './sla.js';
import { recomputeDueDates } from './sla-recompute.js';

/** Days to fix per project tier and severity; a severity missing from a tier has no SLA there. */
export type SlaTable = Record<Tier, Partial<Record<Severity, number>>>;

export interface SlaPolicyConfig {
  days: SlaTable;
  restartOnReopen: boolean;
}

export async function readSlaPolicy(db: Kysely<Tables>): Promise<SlaPolicyConfig> {
  const rows = await db.selectFrom('sla_policies').select(['tier', 'severity', 'days']).execute();
  const days = Object.fromEntries(TIERS.map((t) => [t, {}])) as SlaTable;
  // Rows of a severity or tier this version does not know (older hand edits) are not shown.
  for (const r of rows)
    if (r.tier in days && (SEVERITIES as readonly string[]).includes(r.severity))
      days[r.tier][r.severity as Severity] = r.days;
  for (const t of TIERS) days[t] = ordered(days[t]);
  return { days, restartOnReopen: await getSetting(db, 'sla.restartOnReopen') };
}

/** Severities worst first, whatever order the rows came in (answers and audit details compare equal). */
function ordered(days: Partial<Record<Severity, number>>): Partial<Record<Severity, number>> {
  return Object.fromEntries(SEVERITIES.filter((s) => days[s] !== undefined).map((s) => [s, days[s]]));
}

/**
 * Replaces the whole policy and sets every open-like finding's due date of every project by it,
 * in one transaction, holding the policy's lock against ingests. Answers how many due dates moved.
 */
export async function replaceSlaPolicy(
  store: Store,
  next: SlaPolicyConfig,
  actor: string,
  now: number,
): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    await lockSlaPolicy(trx, store.dialect, 'write');
    const before = await readSlaPolicy(trx);
    await trx.deleteFrom('sla_policies').execute();
    const rows = TIERS.flatMap((tier) =>
      Object.entries(next.days[tier]).map(([severity, days]) => ({ tier, severity, days })),
    );
    await trx.insertInto('sla_policies').values(rows).execute();
    await setSetting(trx, 'sla.restartOnReopen', next.restartOnReopen, actor, now);
    const after = await readSlaPolicy(trx);
    const moved = await recomputeDueDates(trx, {
      projectId: null,
      restartOnReopen: next.restartOnReopen,
      now,
    });
    if (JSON.stringify(before) !== JSON.stringify(after) || moved > 0)
      await recordAudit(
        trx,
        {
          actor,
          action: 'sla_policy.update',
          targetType: 'sla_policy',
          detail: { before, after, dueDatesMoved: moved },
        },
        now,
      );
    return moved;
  });
}
