import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { type Durations, durationBins, summarise } from './durations.js';
import { closedInWindow, fixedInWindow, type MetricScope } from './scope.js';

export interface Mttr {
  /** Findings a scan found gone within the window: fixed_at - first_seen_at. */
  fixed: Durations;
  /** Every finding resolved within the window: fixed, or closed / marked false positive by a person. */
  resolved: Durations;
}

/**
 * Mean and median time to remediate, per severity (docs/metrics.md#mttr). The fixed findings'
 * histogram serves both variants; the closed ones' is added for the second.
 */
export async function mttr(store: Store, s: MetricScope): Promise<Mttr> {
  const { db } = store;
  const durations = (q: ReturnType<typeof fixedInWindow>) =>
    db.selectFrom(q.as('r')).select(['severity_rank', sql<number>`resolved_at - first_seen_at`.as('d')]);
  const [fixed, closed] = await Promise.all([
    durationBins(db, durations(fixedInWindow(db, s))),
    durationBins(db, durations(closedInWindow(db, s))),
  ]);
  return { fixed: summarise(fixed), resolved: summarise([...fixed, ...closed]) };
}
