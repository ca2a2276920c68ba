import type { Kysely } from 'kysely';
import type { Tables, Tier } from './schema.js';

export const DAY_MS = 86_400_000;

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
