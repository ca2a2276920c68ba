import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DAY,
  scan,
  seedDetection,
  seedGate,
  seedNoise,
  seedRemediation,
  seedSecrets,
  T,
} from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

const iso = (ms: number) => new Date(ms).toISOString();
/** The window most scenarios are read through: [T, T+30d). */
const WINDOW = `from=${iso(T).slice(0, 10)}&to=${iso(T + 30 * DAY)}`;

/** Project live, relative to the real clock (SLA, burn-down and coverage read "now"). */
async function seedLive(s: TestServer, now: number) {
  const [l1, l2, l3] = [
    testFinding(1, { fingerprint: 'L1', severity: 'high' }),
    testFinding(2, { fingerprint: 'L2', severity: 'critical' }),
    testFinding(3, { fingerprint: 'L3', severity: 'medium' }),
  ];
  await scan(s.store, now - 40 * DAY, [l1], {}, 'live');
  await scan(s.store, now - 10 * DAY, [l1, l3], {}, 'live');
  await scan(s.store, now - 3 * DAY, [l1, l2], {}, 'live');
}

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/metrics/* on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    const now = Date.now();
    beforeAll(async () => {
      s = await startTestServer(backend);
      for (const seed of [seedRemediation, seedGate, seedDetection, seedSecrets, seedNoise])
        await seed(s.store);
      await seedLive(s, now);
      reader = await s.token('auditor');
    });
    afterAll(async () => s?.close());

    const get = async (path: string, token = reader) => s.call(token, 'GET', `/api/v1/metrics/${path}`);
    const ok = async (path: string, token = reader) => {
      const r = await get(path, token);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json;
    };

    it('MTTR: fixed only and all resolved, per severity, in days', async () => {
      const r = await ok(`mttr?project=web&${WINDOW}`);
      expect(r.window).toEqual({ from: iso(T), to: iso(T + 30 * DAY) });
      expect(r).toMatchObject({ project: 'web', scanner: null });
      expect(r.fixed.all).toEqual({ count: 4, meanDays: 6.5, medianDays: 7 });
      expect(r.fixed.bySeverity.critical).toEqual({ count: 3, meanDays: 5.3, medianDays: 5 });
      expect(r.resolved.all).toEqual({ count: 6, meanDays: 8.2, medianDays: 7 });
      const sca = await ok(`mttr?scanner=sca&from=${T}&to=${T + 30 * DAY}`);
      expect(sca.fixed.all).toEqual({ count: 1, meanDays: 4, medianDays: 4 });
    });

    it('MTTD: first seen minus advisory publication', async () => {
      const r = await ok(`mttd?project=deps&from=${iso(T - DAY)}&to=${iso(T + 10 * DAY)}`);
      expect(r.all).toEqual({ count: 4, meanDays: 11.5, medianDays: 7 });
      expect(r.bySeverity.critical).toEqual({ count: 2, meanDays: 16, medianDays: 16 });
      expect(r.undated).toBe(2);
    });

    it('SLA: compliance of what was resolved and the open backlog by age, as of now', async () => {
      const r = await ok('sla?project=live');
      // L3 (medium, due in 90 days) fixed after 7 days; L1 (high, 40 days old) is past due.
      expect(r.compliance).toMatchObject({
        met: 1,
        late: 0,
        openOverdue: 1,
        resolvedInTimePercent: 100,
        compliancePercent: 50,
      });
      expect(r.open.byAge.map((b: { open: number }) => b.open)).toEqual([1, 0, 1, 0, 0]);
      expect(r.open.bySeverity.high).toEqual({ open: 1, overdue: 1 });
      expect(Date.parse(r.asOf)).toBeGreaterThanOrEqual(now);
      const web = await ok(`sla?project=web&${WINDOW}`);
      expect(web.compliance).toMatchObject({ met: 5, late: 1, resolvedInTimePercent: 83.3 });
    });

    it('burn-down: one point per UTC day up to today', async () => {
      const r = await ok('burndown?project=live&days=5');
      expect(r.days).toHaveLength(5);
      expect(r.days.at(-1)).toMatchObject({ date: iso(now).slice(0, 10), open: 2 });
      const sum = (k: string) => r.days.reduce((a: number, d: Record<string, number>) => a + d[k]!, 0);
      expect([sum('opened'), sum('resolved')]).toEqual([1, 1]);
      expect((await ok('burndown?project=live')).days).toHaveLength(90);
    });

    it('gate: pass rate with overrides counted apart', async () => {
      const r = await ok(`gate?project=web&${WINDOW}`);
      expect(r.totals).toMatchObject({ scans: 6, pass: 2, warn: 1, fail: 2, overridden: 1, passRate: 50 });
      expect(r.byStage.map((g: { stage: string }) => g.stage)).toEqual(['build', 'deploy']);
    });

    it('coverage: scanners per project in the last days, and projects not scanned', async () => {
      const r = await ok('coverage?days=30');
      expect(r.projects.map((p: { project: string }) => p.project)).toEqual(['live']);
      expect(r.projects[0].scanners).toEqual([
        { scanner: 'sast', runs: 2, failed: 0, lastRunAt: iso(now - 3 * DAY) },
      ]);
      expect(r.notScanned.map((p: { project: string }) => p.project)).toEqual([
        'api',
        'deps',
        'lint',
        'lint-api',
        'vault',
        'web',
      ]);
      expect(r.notScanned.find((p: { project: string }) => p.project === 'web').lastScanAt).toBe(
        iso(T + 31 * DAY),
      );
    });

    it('secrets: detected and blocked per week', async () => {
      const r = await ok(`secrets?project=vault&from=${T}&to=${T + 14 * DAY}`);
      expect(r.totals).toEqual({ detected: 3, stillOpen: 2, blocked: 2 });
      expect(r.periods).toEqual([
        { start: iso(T), detected: 2, stillOpen: 1, blocked: 1 },
        { start: iso(T + 7 * DAY), detected: 1, stillOpen: 1, blocked: 1 },
      ]);
    });

    it('noise: false-positive rate per rule, worst first, above a sample size', async () => {
      const r = await ok(`noise?minTriaged=2&from=${T}&to=${T + 10 * DAY}`);
      expect(r.rules).toEqual([
        { scanner: 'sast', ruleId: 'sast/rule-b', triaged: 3, falsePositives: 2, falsePositiveRate: 66.7 },
        { scanner: 'sast', ruleId: 'sast/rule-a', triaged: 4, falsePositives: 2, falsePositiveRate: 50 },
      ]);
    });

    it('keeps a project-scoped credential to its project', async () => {
      const api = await s.token('developer', 'api');
      expect((await get(`mttr?project=web&${WINDOW}`, api)).json.error.code).toBe('not_found');
      const gate = await ok(`gate?${WINDOW}`, api);
      expect(gate).toMatchObject({ project: 'api', totals: { scans: 3 } });
      const mttr = await ok(`mttr?${WINDOW}`, api);
      expect(mttr.fixed.all).toEqual({ count: 1, meanDays: 4, medianDays: 4 });
      const cov = await ok('coverage', api);
      expect([cov.projects, cov.notScanned.map((p: { project: string }) => p.project)]).toEqual([
        [],
        ['api'],
      ]);
      for (const path of ['mttd', 'sla', 'burndown', 'secrets', 'noise'])
        expect((await get(`${path}?project=web`, api)).status, path).toBe(404);
    });

    it('needs the read permission', async () => {
      expect((await get('mttr')).status).toBe(200);
      expect((await get('mttr', await s.token('developer'))).status).toBe(200);
      const ci = await get('mttr', await s.token('ci'));
      expect([ci.status, ci.json.error.code]).toEqual([403, 'forbidden']);
      const anonymous = await s.call(undefined, 'GET', '/api/v1/metrics/sla');
      expect([anonymous.status, anonymous.json.error.code]).toEqual([401, 'unauthorized']);
    });

    it('answers bad windows and parameters with bad_request', async () => {
      for (const path of [
        'mttr?from=2025-02-01&to=2025-01-01',
        'mttr?from=yesterday',
        'sla?to=2025-13-45',
        'burndown?days=0',
        'coverage?days=1000',
        'secrets?period=day&from=2000-01-01&to=2025-01-01',
        'noise?minTriaged=0',
      ]) {
        const r = await get(path);
        expect([path, r.status, r.json.error?.code]).toEqual([path, 400, 'bad_request']);
      }
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await s.call(undefined, 'GET', '/api/v1/openapi.json')).json;
      for (const m of ['mttr', 'mttd', 'sla', 'burndown', 'gate', 'coverage', 'secrets', 'noise'])
        expect(doc.paths[`/api/v1/metrics/${m}`]?.get?.['x-gatehouse-permission'], m).toBe('read');
      const params = doc.paths['/api/v1/metrics/noise'].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(['project', 'from', 'to', 'scanner', 'minTriaged', 'limit']);
    });
  });
}
