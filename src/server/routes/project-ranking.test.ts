import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, scan } from '../../store/metrics/test-seed.js';
import { testFinding } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

type Row = {
  name: string;
  risk: number;
  open: Record<string, number>;
  tier: string;
  lastScanAt: string | null;
};

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`GET /api/v1/metrics/projects on ${backend.name}`, () => {
    let s: TestServer;
    let admin: string;
    const now = Date.now();
    const findings = (sevs: string[]) =>
      sevs.map((sev, i) => testFinding(i, { fingerprint: `f${i}`, severity: sev as 'critical' }));
    beforeAll(async () => {
      s = await startTestServer(backend);
      admin = await s.token('admin');
      // risk = tier weight × (10 critical + 5 high + 2 medium + 1 low)
      await scan(s.store, now - 3 * DAY, findings(['critical', 'low']), {}, 'alpha'); // 11 × 2 (medium)
      await scan(s.store, now - 2 * DAY, findings(['high', 'high', 'high']), {}, 'beta'); // 15 × 4 (critical)
      await scan(s.store, now - 1 * DAY, findings(['medium', 'info']), {}, 'gamma_1'); // 2 × 1 (low)
      await scan(s.store, now - 4 * DAY, findings(['critical', 'critical']), {}, 'delta'); // 20 × 2
      await s.token('auditor', 'quiet'); // never scanned
      const team = await s.call(admin, 'POST', '/api/v1/teams', { name: 'platform' });
      const patch = (name: string, body: object) => s.call(admin, 'PATCH', `/api/v1/projects/${name}`, body);
      await patch('beta', { tier: 'critical', teamId: team.json.team.id });
      await patch('gamma_1', { tier: 'low' });
      await patch('delta', { teamId: team.json.team.id });
    });
    afterAll(async () => s?.close());

    const list = async (qs: string, token = admin) => {
      const r = await s.call(token, 'GET', `/api/v1/metrics/projects?${qs}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return r.json as { projects: Row[]; next: string | null; weights: object; sort: string; order: string };
    };
    const names = async (qs: string) => (await list(qs)).projects.map((p) => p.name);

    it('ranks by risk, worst first, with the score and the weights that made it', async () => {
      const r = await list('');
      expect(r).toMatchObject({ sort: 'risk', order: 'desc' });
      expect(r.weights).toEqual({
        severity: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
        tier: { critical: 4, high: 3, medium: 2, low: 1 },
      });
      expect(r.projects.map((p) => [p.name, p.risk])).toEqual([
        ['beta', 60],
        ['delta', 40],
        ['alpha', 22],
        ['gamma_1', 2],
        ['quiet', 0],
      ]);
      expect(r.projects[0]).toMatchObject({
        tier: 'critical',
        team: { name: 'platform' },
        open: { critical: 0, high: 3, medium: 0, low: 0, info: 0 },
        lastScanAt: new Date(now - 2 * DAY).toISOString(),
      });
      expect(r.projects.at(-1)!.lastScanAt).toBeNull();
    });

    it('sorts by every column both ways, and pages through with the cursor', async () => {
      expect(await names('sort=name')).toEqual(['alpha', 'beta', 'delta', 'gamma_1', 'quiet']);
      expect(await names('sort=name&order=desc')).toEqual(['quiet', 'gamma_1', 'delta', 'beta', 'alpha']);
      // Ties go by name.
      expect(await names('sort=critical')).toEqual(['delta', 'alpha', 'beta', 'gamma_1', 'quiet']);
      expect((await names('sort=high'))[0]).toBe('beta');
      expect(await names('sort=last_scan')).toEqual(['gamma_1', 'beta', 'alpha', 'delta', 'quiet']);
      expect(await names('sort=last_scan&order=asc')).toEqual(['quiet', 'delta', 'alpha', 'beta', 'gamma_1']);
      expect((await names('sort=tier'))[0]).toBe('beta');
      expect((await names('sort=tier&order=asc'))[0]).toBe('gamma_1');

      for (const sort of ['risk', 'name', 'critical', 'last_scan']) {
        const whole = await names(`sort=${sort}`);
        const seen: string[] = [];
        let cursor = '';
        do {
          const page = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.projects.length).toBeLessThanOrEqual(2);
          seen.push(...page.projects.map((p) => p.name));
          cursor = page.next ?? '';
        } while (cursor);
        expect(seen).toEqual(whole);
      }
    });

    it('filters by name (wildcards taken literally), tier and team', async () => {
      expect(await names('sort=name&q=a')).toEqual(['alpha', 'beta', 'delta', 'gamma_1']);
      expect(await names('sort=name&q=a%25')).toEqual([]);
      expect(await names('sort=name&q=_1')).toEqual(['gamma_1']);
      expect(await names('tier=medium&sort=name')).toEqual(['alpha', 'delta', 'quiet']);
      expect(await names('team=platform')).toEqual(['beta', 'delta']);
      expect(await names('team=platform&tier=critical')).toEqual(['beta']);
    });

    it('shows a scoped credential its project only and refuses bad input and CI tokens', async () => {
      const scoped = await s.token('developer', 'alpha');
      expect((await list('', scoped)).projects.map((p) => p.name)).toEqual(['alpha']);
      const other = await s.call(
        admin,
        'GET',
        `/api/v1/metrics/projects?sort=name&cursor=${(await list('sort=risk&limit=1')).next}`,
      );
      expect([other.status, other.json.error.code]).toEqual([400, 'bad_request']);
      expect(other.json.error.message).toMatch(/query\.cursor/);
      const sort = await s.call(admin, 'GET', '/api/v1/metrics/projects?sort=severity');
      expect(sort.status).toBe(400);
      expect((await s.call(await s.token('ci'), 'GET', '/api/v1/metrics/projects')).status).toBe(403);
    });
  });
}
