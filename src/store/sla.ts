import { type Kysely, sql } from 'kysely';
import type { Dialect } from './connect.js';
import type { Tables, Tier } from './schema.js';
import { getSetting } from './settings.js';

export const DAY_MS = 86_400_000;

/** Project tiers, most critical first: each has its own SLA days per severity. */
export const TIERS = ['critical', 'high', 'medium', 'low'] as const satisfies readonly Tier[];

/** Days allowed per severity for one project tier. */
export type SlaDays = ReadonlyMap<string, number>;

export async function slaDaysFor(db: Kysely<Tables>, tier: Tier): Promise<SlaDays> {
  const rows = await db
    .selectFrom('sla_policies')
    .select(['severity', 'days'])
    .where('tier', '=', tier)
    .execute();
  return new Map(rows.map((r) => [r.severity, r.days]));
}

/** When a finding of this severity, (re)opened at `from`, must be fixed; null when no SLA applies. */
export function dueAt(days: SlaDays, severity: string, from: number): number | null {
  const d = days.get(severity);
  return d === undefined ? null : from + d * DAY_MS;
}

/** What sets the due dates of one tier's findings. */
export interface SlaPolicy {
  days: SlaDays;
  /**
   * false (the default): a reopened finding keeps the due date counted from its first detection;
   * true: the clock starts again at the reopen.
   */
  restartOnReopen: boolean;
}

/**
 * The SLA policy for findings of a project of `tier`, read under the policy's shared lock: call
 * it in the transaction that writes the due dates, before it locks any finding row.
 */
export async function slaPolicyFor(db: Kysely<Tables>, dialect: Dialect, tier: Tier): Promise<SlaPolicy> {
  await lockSlaPolicy(db, dialect, 'read');
  const days = await slaDaysFor(db, tier);
  return { days, restartOnReopen: await getSetting(db, 'sla.restartOnReopen') };
}

/** The advisory-lock class of the SLA policy ("sla " in ASCII), beside the per-project locks. */
const SLA_POLICY_LOCK = 0x736c_6120;

/**
 * On PostgreSQL, orders everything that writes due dates (ingest, tier changes: 'read', shared)
 * after or before a change of the policy ('write', exclusive), until commit; so no due date is
 * computed from a policy that a concurrent change is replacing. SQLite has a single writer already.
 */
export async function lockSlaPolicy(
  db: Kysely<Tables>,
  dialect: Dialect,
  mode: 'read' | 'write',
): Promise<void> {
  if (dialect !== 'postgres') return;
  if (mode === 'read') await sql`SELECT pg_advisory_xact_lock_shared(${SLA_POLICY_LOCK}, 0)`.execute(db);
  else await sql`SELECT pg_advisory_xact_lock(${SLA_POLICY_LOCK}, 0)`.execute(db);
}
