import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, seedGate, seedRemediation, seedSecrets, T } from '../../store/metrics/test-seed.js';
import { backends } from '../../store/testing.js';
import { snapshotMetrics } from '../jobs/snapshot-metrics.js';
import { startTestServer, type TestServer } from '../testing.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** Windows from midnight and from inside a day; the second ends inside a day too. */
const WINDOWS = [
  `from=${iso(T).slice(0, 10)}&to=${iso(T + 30 * DAY)}`,
  `from=${T - DAY + 3_600_000}&to=${T + 9 * DAY + 7_200_000}`,
];
const PATHS = WINDOWS.flatMap((w) => [
  `mttr?${w}`,
  `mttr?project=web&${w}`,
  `mttr?scanner=sca&${w}`,
  `sla?${w}`,
  `sla?project=web&scanner=sast&${w}`,
  `secrets?${w}&period=day`,
  `secrets?project=vault&${w}`,
  `noise?minTriaged=1&${w}`,
]).concat(['burndown?days=366', 'burndown?project=web&days=366']);

/** The answer without the time it was asked at. */
const stable = (json: Record<string, unknown>): Record<string, unknown> => ({ ...json, asOf: undefined });

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/metrics/* from daily snapshots on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      for (const seed of [seedRemediation, seedGate, seedSecrets]) await seed(s.store);
      reader = await s.token('auditor');
    });
    afterAll(async () => s?.close());

    const get = async (path: string, token = reader) => {
      const r = await s.call(token, 'GET', `/api/v1/metrics/${path}`);
      expect(r.status, `${path}: ${JSON.stringify(r.json)}`).toBe(200);
      return stable(r.json);
    };

    it('answer as they did before the job took the days, and keep a project’s credential to its project', async () => {
      const before = await Promise.all(PATHS.map((p) => get(p)));
      const api = await s.token('developer', 'api');
      const apiBefore = await get(`mttr?${WINDOWS[0]}`, api);
      const run = await snapshotMetrics(s.store, T + 40 * DAY, 730);
      expect(run.days.length).toBe(39);
      const counted = await s.store.db
        .selectFrom('metric_snapshot_days')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(counted.n)).toBe(run.days.length);
      const after = await Promise.all(PATHS.map((p) => get(p)));
      for (const [i, p] of PATHS.entries()) expect(after[i], p).toEqual(before[i]);
      // The roll-up over every project is not what a project's credential reads.
      expect(await get(`mttr?${WINDOWS[0]}`, api)).toEqual(apiBefore);
      expect((apiBefore as { fixed: { all: { count: number } } }).fixed.all.count).toBe(1);
      const other = await s.call(api, 'GET', `/api/v1/metrics/mttr?project=web&${WINDOWS[0]}`);
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
    });
  });
}
