import type { Store } from '../../store/connect.js';
import { deliverNotifications } from './deliver-notifications.js';
import { expireExceptions } from './expire-exceptions.js';
import { indexSearch } from './index-search.js';
import { notifyExpiringExceptions } from './notify-expiring-exceptions.js';
import { notifySlaBreaches } from './notify-sla-breaches.js';
import { rematchComponents } from './rematch-components.js';
import { pruneOccurrences } from './retention.js';
import { snapshotMetrics } from './snapshot-metrics.js';

export interface Job {
  name: string;
  /** How often it runs; jobs are idempotent, so a run twice (or late) is harmless. */
  everyMinutes: number;
  run(store: Store): Promise<unknown>;
}

/** Every background job, run by `gatehouse worker` (PostgreSQL) or inside `serve` (SQLite). */
export const JOBS: readonly Job[] = [
  { name: 'expire-exceptions', everyMinutes: 1, run: (s) => expireExceptions(s) },
  { name: 'notify-sla-breaches', everyMinutes: 1, run: (s) => notifySlaBreaches(s) },
  { name: 'notify-expiring-exceptions', everyMinutes: 10, run: (s) => notifyExpiringExceptions(s) },
  { name: 'deliver-notifications', everyMinutes: 1, run: (s) => deliverNotifications(s) },
  { name: 'prune-occurrences', everyMinutes: 60, run: (s) => pruneOccurrences(s) },
  { name: 'rematch-components', everyMinutes: 15, run: (s) => rematchComponents(s) },
  { name: 'snapshot-metrics', everyMinutes: 60, run: (s) => snapshotMetrics(s) },
  { name: 'index-search', everyMinutes: 1, run: (s) => indexSearch(s) },
];
