import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, scan, triage } from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { snapshotMetrics } from '../jobs/snapshot-metrics.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/metrics/open on ${backend.name}`, () => {
    let s: TestServer;
    let reader: string;
    const now = Date.now();
    beforeAll(async () => {
      s = await startTestServer(backend);
      const sca = { scanner: 'sca', ruleId: 'sca/osv' };
      // Default SLA days: critical 7, high 30, medium 90. Found 3 days ago: the critical one is
      // due in 4 days (soon), the high one in 27 (not soon); found 8 days ago: overdue.
      await scan(
        s.store,
        now - 8 * DAY,
        [testFinding(1, { fingerprint: 'old', severity: 'critical' })],
        {},
        'web',
      );
      await scan(
        s.store,
        now - 3 * DAY,
        [
          testFinding(1, { fingerprint: 'old', severity: 'critical' }),
          testFinding(2, { fingerprint: 'soon', severity: 'critical' }),
          testFinding(3, { fingerprint: 'later', severity: 'high', ...sca }),
          testFinding(4, { fingerprint: 'fp', severity: 'critical', ...sca }),
        ],
        {
          scanners: [
            { name: 'sast', status: 'ok', findings: 2 },
            { name: 'sca', status: 'ok', findings: 2 },
          ],
        },
        'web',
      );
      await triage(s.store, 'web', 'fp', 'false_positive', now - DAY);
      await scan(
        s.store,
        now - DAY,
        [testFinding(5, { fingerprint: 'api', severity: 'critical', ...sca })],
        {},
        'api',
      );
      reader = await s.token('auditor');
    });
    afterAll(async () => s?.close());

    const get = (qs = '', token = reader) => s.call(token, 'GET', `/api/v1/metrics/open${qs}`);

    it('counts open findings per scanner, most first, and those due within a week per severity', async () => {
      const r = await get();
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json.project).toBeNull();
      expect(r.json.byScanner).toEqual([
        { scanner: 'sast', open: 2 },
        { scanner: 'sca', open: 2 },
      ]);
      // soon (web) and api (found a day ago, due in 6 days); the false positive is not open.
      expect(r.json.dueSoon).toEqual({
        total: 2,
        bySeverity: { critical: 2, high: 0, medium: 0, low: 0, info: 0 },
      });
      const web = await get('?project=web');
      expect(web.json.byScanner).toEqual([
        { scanner: 'sast', open: 2 },
        { scanner: 'sca', open: 1 },
      ]);
      expect(web.json.dueSoon.total).toBe(1);
    });

    it('says the same as GET /findings/count?sla=due_soon', async () => {
      const count = await s.call(reader, 'GET', '/api/v1/findings/count?sla=due_soon');
      expect(count.json.total).toBe((await get()).json.dueSoon.total);
    });

    it('answers the same from the daily snapshot, with the changes made since it was taken', async () => {
      const live = await get();
      await snapshotMetrics(s.store, Date.now());
      const cutoff = await s.store.db.selectFrom('metric_open_cutoff').select('cutoff').executeTakeFirst();
      expect(cutoff).toBeDefined();
      expect({ ...(await get()).json, asOf: 0 }).toEqual({ ...live.json, asOf: 0 });
      // After the snapshot: one due-soon critical is marked false positive, a new sca finding arrives.
      await triage(s.store, 'web', 'soon', 'false_positive', Date.now());
      await scan(
        s.store,
        Date.now(),
        [testFinding(6, { fingerprint: 'new', severity: 'high', scanner: 'iac', ruleId: 'iac/x' })],
        {},
        'iac',
      );
      const r = await get();
      expect(r.json.byScanner).toEqual([
        { scanner: 'sca', open: 2 },
        { scanner: 'iac', open: 1 },
        { scanner: 'sast', open: 1 },
      ]);
      expect(r.json.dueSoon).toEqual({
        total: 1,
        bySeverity: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
      });
      const count = await s.call(reader, 'GET', '/api/v1/findings/count?sla=due_soon');
      expect(count.json.total).toBe(1);
    });

    it('keeps a scoped credential to its project and refuses bad input and CI tokens', async () => {
      const scoped = await s.token('developer', 'api');
      const own = await get('', scoped);
      expect(own.json).toMatchObject({ project: 'api', byScanner: [{ scanner: 'sca', open: 1 }] });
      const other = await get('?project=web', scoped);
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
      const bad = await get('?project=');
      expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
      expect((await get('', await s.token('ci'))).status).toBe(403);
    });
  });
}
