import { sql } from 'kysely';
import type { Store } from '../connect.js';
import { type Bin, type Durations, durationBins, summarise } from './durations.js';
import { closedInWindow, fixedInWindow, type MetricScope } from './scope.js';
import { splitWindow } from './snapshot-days.js';
import { frozenBins } from './snapshot-read.js';

export interface Mttr {
  /** Findings a scan found gone within the window: fixed_at - first_seen_at. */
  fixed: Durations;
  /** Every finding resolved within the window: fixed, or closed / marked false positive by a person. */
  resolved: Durations;
}

/**
 * Mean and median time to remediate, per severity (docs/metrics.md#mttr). The fixed findings'
 * histogram serves both variants; the closed ones' is added for the second. Whole snapshotted
 * days come from their daily histograms, the rest of the window is read live; histogram bins
 * merge exactly, so the answer is the one a live read of the same findings gives.
 */
export async function mttr(store: Store, s: MetricScope): Promise<Mttr> {
  const split = await splitWindow(store.db, s);
  const [frozen, ...live] = await Promise.all([
    frozenBins(store.db, s, split.frozen),
    ...split.live.map((r) => liveBins(store, { ...s, ...r })),
  ]);
  const fixed: Bin[] = [...frozen.fixed, ...live.flatMap((l) => l.fixed)];
  const closed: Bin[] = [...frozen.closed, ...live.flatMap((l) => l.closed)];
  return { fixed: summarise(fixed), resolved: summarise([...fixed, ...closed]) };
}

async function liveBins(store: Store, s: MetricScope): Promise<{ fixed: Bin[]; closed: Bin[] }> {
  const { db } = store;
  const durations = (q: ReturnType<typeof fixedInWindow>) =>
    db.selectFrom(q.as('r')).select(['severity_rank', sql<number>`resolved_at - first_seen_at`.as('d')]);
  const [fixed, closed] = await Promise.all([
    durationBins(db, durations(fixedInWindow(db, s))),
    durationBins(db, durations(closedInWindow(db, s))),
  ]);
  return { fixed, closed };
}
