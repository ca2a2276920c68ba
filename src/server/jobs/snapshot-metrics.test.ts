import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { durationBins } from '../../store/metrics/durations.js';
import { closedInWindow } from '../../store/metrics/scope.js';
import { dayOf } from '../../store/metrics/snapshot-days.js';
import { DAY, HOUR, scan, T, triage } from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends, type TestStore } from '../../store/testing.js';
import { JOBS } from './index.js';
import { metricsRetentionDays, snapshotMetrics } from './snapshot-metrics.js';

const MINUTE = 60_000;
const D0 = dayOf(T);

/** Every row of the daily tables for one day, in a stable order. */
async function rowsOf(store: TestStore, day: number) {
  const out: Record<string, unknown[]> = {};
  for (const table of ['metric_daily', 'metric_daily_bins', 'metric_scanner_daily', 'metric_triage_daily'])
    out[table] = (
      await sql`SELECT * FROM ${sql.table(table)} WHERE day = ${sql.lit(day)}`.execute(store.db)
    ).rows
      .map((r) => JSON.stringify(r))
      .sort();
  return out;
}

const snapshotted = async (store: TestStore) =>
  (await store.db.selectFrom('metric_snapshot_days').select('day').orderBy('day').execute()).map((r) =>
    Number(r.day),
  );

describe('GATEHOUSE_METRICS_RETENTION_DAYS', () => {
  it('defaults to 730 days and ignores values that are not whole days', () => {
    expect(metricsRetentionDays({})).toBe(730);
    expect(metricsRetentionDays({ GATEHOUSE_METRICS_RETENTION_DAYS: '90' })).toBe(90);
    for (const bad of ['0', '-3', '1.5', 'forever'])
      expect(metricsRetentionDays({ GATEHOUSE_METRICS_RETENTION_DAYS: bad })).toBe(730);
  });

  it('is a registered job, hourly', () => {
    expect(JOBS.find((j) => j.name === 'snapshot-metrics')?.everyMinutes).toBe(60);
  });
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`the snapshot-metrics job on ${backend.name}`, () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await backend.open();
      const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) => testFinding(n, { severity: 'high' }));
      // All first seen at T; a fixed one millisecond before midnight, b at midnight; d and e
      // closed by a person three minutes apart, two days later (one histogram bin, two values).
      await scan(store, T, [a!, b!, c!, d!, e!], { complete: false });
      await scan(store, T + DAY - 1, [b!, c!, d!, e!]);
      await scan(store, T + DAY, [c!, d!, e!]);
      await triage(store, 'web', 'fp-4', 'closed', T + 2 * DAY + HOUR);
      await triage(store, 'web', 'fp-5', 'closed', T + 2 * DAY + HOUR + 3 * MINUTE);
    });
    afterAll(async () => store?.dispose());

    it('takes a UTC day only once it is complete, and puts each change in its own UTC day', async () => {
      const early = await snapshotMetrics(store, T + DAY + 10 * MINUTE, 730);
      // Midnight passed ten minutes ago: day T is not settled yet.
      expect(early.days).toEqual([]);
      const run = await snapshotMetrics(store, T + DAY + 20 * MINUTE, 730);
      expect(run.days).toEqual([D0]);
      const day = await store.db
        .selectFrom('metric_daily')
        .selectAll()
        .where('day', '=', D0)
        .where('project_id', '=', 0)
        .execute();
      expect(day.map((r) => [Number(r.opened), Number(r.resolved)])).toEqual([[5, 1]]);
      const open = await store.db
        .selectFrom('metric_scanner_daily')
        .select(['project_id', 'open_end'])
        .where('day', '=', D0)
        .execute();
      expect(open.map((r) => [Number(r.project_id) === 0, Number(r.open_end)]).sort()).toEqual([
        [false, 4],
        [true, 4],
      ]);
    });

    it('catches up every day it missed, and re-running changes nothing', async () => {
      const run = await snapshotMetrics(store, T + 4 * DAY + HOUR, 730);
      expect(run.days).toEqual([D0 + 1, D0 + 2, D0 + 3]);
      const resolved = await store.db
        .selectFrom('metric_daily')
        .select('resolved')
        .where('day', '=', D0 + 1)
        .where('project_id', '=', 0)
        .execute();
      expect(resolved.map((r) => Number(r.resolved))).toEqual([1]);
      // The roll-up's histogram of day T+2d is the live one: the bin keeps both closings' extremes.
      const bins = await store.db
        .selectFrom('metric_daily_bins')
        .select(['scanner', 'kind', 'severity_rank', 'bin', 'n', 'total', 'lo', 'hi'])
        .where('day', '=', D0 + 2)
        .where('project_id', '=', 0)
        .orderBy('scanner')
        .execute();
      const closed = closedInWindow(store.db, { projectId: null, from: T + 2 * DAY, to: T + 3 * DAY });
      const live = await durationBins(
        store.db,
        store.db
          .selectFrom(closed.as('r'))
          .select(['severity_rank', sql<number>`resolved_at - first_seen_at`.as('d')]),
      );
      expect(live).toEqual([
        {
          severity_rank: 3,
          bin: 204,
          n: 2,
          total: 2 * (2 * DAY + HOUR) + 3 * MINUTE,
          lo: 2 * DAY + HOUR,
          hi: 2 * DAY + HOUR + 3 * MINUTE,
        },
      ]);
      // Kind 1: closed by a person; the roll-up of the sast scanner, and of every scanner ('').
      const numbers = (b: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(b).map(([k, v]) => [k, k === 'scanner' ? v : Number(v)]));
      expect(bins.map(numbers)).toEqual([
        { scanner: '', kind: 1, ...live[0]! },
        { scanner: 'sast', kind: 1, ...live[0]! },
      ]);
      const before = await rowsOf(store, D0 + 1);
      expect((await snapshotMetrics(store, T + 4 * DAY + 2 * HOUR, 730)).days).toEqual([]);
      // A day taken again is replaced whole, with the same rows.
      await store.db
        .deleteFrom('metric_snapshot_days')
        .where('day', '=', D0 + 1)
        .execute();
      expect((await snapshotMetrics(store, T + 4 * DAY + 3 * HOUR, 730)).days).toEqual([D0 + 1]);
      expect(await rowsOf(store, D0 + 1)).toEqual(before);
      expect(await snapshotted(store)).toEqual([D0, D0 + 1, D0 + 2, D0 + 3]);
    });

    it('does not catch up days older than the retention', async () => {
      const other = await backend.open();
      try {
        await scan(other, T, [testFinding(1)]);
        const run = await snapshotMetrics(other, T + 10 * DAY + HOUR, 3);
        expect(run.days).toEqual([D0 + 7, D0 + 8, D0 + 9]);
      } finally {
        await other.dispose();
      }
    });

    it(
      backend.name === 'postgres'
        ? 'drops the monthly partitions that have expired, and their days'
        : 'deletes the rows of the days that have expired',
      async () => {
        const partitions = async () =>
          (
            await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i
              JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
              WHERE p.relname = 'metric_daily' ORDER BY 1`.execute(store.db)
          ).rows.map((r) => r.name);
        if (backend.name === 'postgres')
          expect(await partitions()).toEqual(['metric_daily_m202501', 'metric_daily_m202502']);
        // 40 days of retention at T+45d keeps days from T+5d: January (days T..T+3d) only partly expired.
        const keep = await snapshotMetrics(store, T + 45 * DAY, 40);
        expect(await snapshotted(store)).toEqual(
          backend.name === 'postgres' ? [D0, D0 + 1, D0 + 2, D0 + 3, ...keep.days] : keep.days,
        );
        const later = await snapshotMetrics(store, Date.UTC(2025, 2, 20), 40);
        // Retention from 8 February: January's partitions (one per daily table) have ended before.
        if (backend.name === 'postgres') expect(later.expired).toBe(4);
        else expect(later.expired).toBeGreaterThan(0);
        if (backend.name === 'postgres')
          expect(await partitions()).toEqual([
            'metric_daily_m202502',
            'metric_daily_m202503',
            'metric_daily_m202504',
          ]);
        const left = await store.db
          .selectFrom('metric_scanner_daily')
          .select((eb) => eb.fn.min('day').as('d'))
          .executeTakeFirst();
        // PostgreSQL keeps February whole until all of it has expired; SQLite deletes by the day.
        const oldest = dayOf(backend.name === 'postgres' ? Date.UTC(2025, 1, 1) : Date.UTC(2025, 1, 8));
        expect(Number(left?.d)).toBe(oldest);
        expect((await snapshotted(store))[0]).toBe(oldest);
      },
    );
  });
}
