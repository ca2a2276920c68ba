import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, scan } from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';
import { trendWindows } from './metrics-trends.js';

describe('trendWindows', () => {
  it('ends now, starts every period at UTC midnight, oldest first', () => {
    const now = Date.UTC(2026, 2, 11, 15, 30);
    expect(trendWindows(now, 7 * DAY, 3)).toEqual([
      { from: Date.UTC(2026, 1, 19), to: Date.UTC(2026, 1, 26) },
      { from: Date.UTC(2026, 1, 26), to: Date.UTC(2026, 2, 5) },
      { from: Date.UTC(2026, 2, 5), to: now },
    ]);
    expect(trendWindows(now, DAY, 1)).toEqual([{ from: Date.UTC(2026, 2, 11), to: now }]);
  });
});

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/metrics/trends on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    const now = Date.now();
    beforeAll(async () => {
      s = await startTestServer(backend);
      const [a, b] = [
        testFinding(1, { fingerprint: 'A', severity: 'critical' }),
        testFinding(2, { fingerprint: 'B', severity: 'high' }),
      ];
      // B fixed 10 days after it was found, A 18 days after; gates: fail, fail, pass.
      await scan(s.store, now - 20 * DAY, [a, b], {
        gateVerdict: 'fail',
        context: { project: 'web', branch: 'main', commit: 'c1' },
      });
      await scan(s.store, now - 10 * DAY, [a], {
        gateVerdict: 'fail',
        context: { project: 'web', branch: 'main', commit: 'c2' },
      });
      await scan(s.store, now - 2 * DAY, [], {
        gateVerdict: 'pass',
        context: { project: 'web', branch: 'main', commit: 'c3' },
      });
      await scan(s.store, now - 2 * DAY, [], {
        gateVerdict: 'fail',
        context: { project: 'api', branch: 'main', commit: 'c4' },
      });
      reader = await s.token('auditor');
    });
    afterAll(async () => s?.close());

    it('answers per week exactly what /metrics/mttr and /metrics/gate answer for each window', async () => {
      const r = await s.call(reader, 'GET', '/api/v1/metrics/trends?project=web&periods=4');
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({ project: 'web', scanner: null, period: 'week' });
      expect(r.json.periods).toHaveLength(4);
      for (const p of r.json.periods) {
        const window = `project=web&from=${p.from}&to=${p.to}`;
        const [m, g] = await Promise.all([
          s.call(reader, 'GET', `/api/v1/metrics/mttr?${window}`),
          s.call(reader, 'GET', `/api/v1/metrics/gate?${window}`),
        ]);
        expect(p.mttr).toEqual(m.json.fixed);
        expect(p.gate).toEqual(g.json.totals);
      }
      const fixed = r.json.periods.map((p: { mttr: { all: { count: number } } }) => p.mttr.all.count);
      expect(fixed.reduce((x: number, y: number) => x + y, 0)).toBe(2);
      const high = r.json.periods.find(
        (p: { mttr: { bySeverity: { high: { count: number } } } }) => p.mttr.bySeverity.high.count,
      );
      expect(high.mttr.bySeverity.high).toEqual({ count: 1, meanDays: 10, medianDays: 10 });
      const gates = r.json.periods.map((p: { gate: { scans: number } }) => p.gate.scans);
      expect(gates.reduce((x: number, y: number) => x + y, 0)).toBe(3);
      expect(r.json.periods.at(-1).gate).toMatchObject({ scans: 1, pass: 1, passRate: 100 });
    });

    it('covers every project without one, and narrows MTTR to a scanner', async () => {
      const all = await s.call(reader, 'GET', '/api/v1/metrics/trends?period=day&periods=3');
      // Two days ago is the first of the three days.
      expect(all.json.periods[0].gate).toMatchObject({ scans: 2, pass: 1, fail: 1, passRate: 50 });
      const sca = await s.call(reader, 'GET', '/api/v1/metrics/trends?scanner=sca&periods=4');
      expect(
        sca.json.periods.every((p: { mttr: { all: { count: number } } }) => p.mttr.all.count === 0),
      ).toBe(true);
    });

    it('refuses bad input, other projects of a scoped credential, and CI tokens', async () => {
      const bad = await s.call(reader, 'GET', '/api/v1/metrics/trends?periods=54');
      expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
      expect(bad.json.error.message).toMatch(/query\.periods/);
      const month = await s.call(reader, 'GET', '/api/v1/metrics/trends?period=month');
      expect(month.status).toBe(400);
      const scoped = await s.token('developer', 'api');
      const other = await s.call(scoped, 'GET', '/api/v1/metrics/trends?project=web');
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
      const own = await s.call(scoped, 'GET', '/api/v1/metrics/trends?period=day&periods=3');
      expect(own.json.project).toBe('api');
      expect(own.json.periods[0].gate).toMatchObject({ scans: 1, fail: 1 });
      const ci = await s.call(await s.token('ci'), 'GET', '/api/v1/metrics/trends');
      expect(ci.status).toBe(403);
    });
  });
}
