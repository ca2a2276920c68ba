import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { type Durations, durationStats } from './durations.js';
import { inScope, type MetricScope, num } from './scope.js';

export interface Mttd extends Durations {
  /** Dependency findings first seen in the window whose advisory has no publication time. */
  undated: number;
}

/**
 * Mean and median time to detect dependency findings first seen in the window: first_seen_at
 * minus the advisory's publication (docs/metrics.md#mttd). A finding seen before its advisory's
 * publication date counts as detected at once (0), not as a negative time.
 */
export async function mttd(store: Store, s: MetricScope): Promise<Mttd> {
  const { db } = store;
  const dependencies = () =>
    inScope(
      db
        .selectFrom('findings')
        .where('advisory_id', 'is not', null)
        .where('first_seen_at', '>=', s.from)
        .where('first_seen_at', '<', s.to),
      s,
    );
  const rows = dependencies()
    .select([
      'severity_rank',
      sql<number>`CASE WHEN first_seen_at > advisory_published_at
        THEN first_seen_at - advisory_published_at ELSE 0 END`.as('d'),
    ])
    .where('advisory_published_at', 'is not', null);
  const undated = dependencies()
    .select((eb) => eb.fn.countAll().as('n'))
    .where('advisory_published_at', 'is', null)
    .executeTakeFirstOrThrow();
  const [stats, missing] = await Promise.all([durationStats(db, rows), undated]);
  return { ...stats, undated: num(missing.n) };
}
