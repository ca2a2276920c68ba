import type { Store } from '../../store/connect.js';
import { type SnapshotRun, takeSnapshots } from '../../store/metrics/snapshot.js';

/** Days of daily metric snapshots kept: `GATEHOUSE_METRICS_RETENTION_DAYS`, default 730. */
export function metricsRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.GATEHOUSE_METRICS_RETENTION_DAYS ?? 730);
  return Number.isInteger(n) && n >= 1 ? n : 730;
}

/**
 * The daily metric snapshots (docs/metrics.md#snapshots): every complete UTC day not yet taken,
 * up to the retention, then retention itself. Hourly, so a day is taken soon after it ends and
 * a missed run costs nothing.
 */
export async function snapshotMetrics(
  store: Store,
  now = Date.now(),
  retentionDays = metricsRetentionDays(),
): Promise<SnapshotRun> {
  return takeSnapshots(store, { now, retentionDays });
}
