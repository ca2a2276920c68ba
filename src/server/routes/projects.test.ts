import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, dueDates, seedSlaScenario } from '../../store/test-sla.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`projects API on ${backend.name}`, () => {
    let s: TestServer;
    let admin: string;
    let sec: string;
    let platform: number;
    beforeAll(async () => {
      s = await startTestServer(backend);
      [admin, sec] = await Promise.all([s.token('admin'), s.token('security')]);
      await seedSlaScenario(s.store, 'web');
      await seedSlaScenario(s.store, 'acme/api');
      const team = await s.call(admin, 'POST', '/api/v1/teams', { name: 'platform' });
      expect(team.status).toBe(201);
      platform = team.json.team.id;
      // The critical tier's days differ from the medium tier's, so a tier change moves due dates.
      const critical = { critical: 3, high: 10, medium: 30, low: 60 };
      await s.store.db.deleteFrom('sla_policies').where('tier', '=', 'critical').execute();
      await s.store.db
        .insertInto('sla_policies')
        .values(
          Object.entries(critical).map(([severity, days]) => ({ tier: 'critical' as const, severity, days })),
        )
        .execute();
    });
    afterAll(async () => s?.close());

    const patch = (token: string, name: string, body: unknown) =>
      s.call(token, 'PATCH', `/api/v1/projects/${encodeURIComponent(name)}`, body);
    const audits = () =>
      s.store.db
        .selectFrom('audit_events')
        .select(['actor', 'action', 'target_type', 'project_id', 'detail'])
        .where('action', '=', 'project.update')
        .orderBy('id')
        .execute();

    it('shows one project with its settings, owner team and open findings; names may hold a slash', async () => {
      const r = await s.call(admin, 'GET', `/api/v1/projects/${encodeURIComponent('acme/api')}`);
      expect(r.status).toBe(200);
      expect(r.json.project).toEqual({
        id: expect.any(Number),
        name: 'acme/api',
        repository: null,
        defaultBranch: 'main',
        tier: 'medium',
        team: null,
        // open-critical and reopened-critical; fixed, false positive and accepted ones are not open.
        open: { critical: 2, high: 1, medium: 1, low: 1, info: 1 },
        lastScanAt: new Date(day(10)).toISOString(),
      });
      const missing = await s.call(admin, 'GET', '/api/v1/projects/nope');
      expect([missing.status, missing.json.error.code]).toEqual([404, 'not_found']);
    });

    it('moves the due dates of exactly the open-like findings when the tier changes, and audits it', async () => {
      const before = await dueDates(s.store, 'web');
      const other = await dueDates(s.store, 'acme/api');
      const r = await patch(sec, 'web', { tier: 'critical' });
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      expect(r.json).toMatchObject({ project: { name: 'web', tier: 'critical' }, dueDatesMoved: 6 });
      expect(await dueDates(s.store, 'web')).toEqual({
        ...before,
        'open-critical': day(3),
        'open-high': day(10),
        'confirmed-medium': day(30),
        'progress-low': day(60),
        'open-info': null,
        // restartOnReopen is false by default: from first detection, not from the reopen.
        'reopened-critical': day(3),
      });
      expect(await dueDates(s.store, 'acme/api')).toEqual(other);

      const back = await patch(admin, 'web', { tier: 'medium' });
      expect(back.json.dueDatesMoved).toBe(6);
      expect(await dueDates(s.store, 'web')).toEqual({ ...before, 'reopened-critical': day(7) });
      const [first, second] = await audits();
      expect(first).toEqual({
        actor: 'token:security-all',
        action: 'project.update',
        target_type: 'project',
        project_id: r.json.project.id,
        detail: expect.any(String),
      });
      expect(JSON.parse(first!.detail)).toEqual({
        before: { tier: 'medium' },
        after: { tier: 'critical' },
        dueDatesMoved: 6,
      });
      expect(JSON.parse(second!.detail).after).toEqual({ tier: 'medium' });
    });

    it('sets the owner team, repository and default branch without moving due dates; filters by team and tier', async () => {
      const before = await dueDates(s.store, 'acme/api');
      const r = await patch(admin, 'acme/api', {
        teamId: platform,
        repository: 'https://git.example.com/acme/api',
        defaultBranch: 'trunk',
      });
      expect(r.status).toBe(200);
      expect(r.json.dueDatesMoved).toBe(0);
      expect(r.json.project).toMatchObject({
        team: { id: platform, name: 'platform' },
        repository: 'https://git.example.com/acme/api',
        defaultBranch: 'trunk',
      });
      expect(await dueDates(s.store, 'acme/api')).toEqual(before);
      const detail = JSON.parse((await audits()).at(-1)!.detail);
      expect(detail).toEqual({
        before: { teamId: null, repository: null, defaultBranch: 'main' },
        after: { teamId: platform, repository: 'https://git.example.com/acme/api', defaultBranch: 'trunk' },
        dueDatesMoved: 0,
      });
      const names = async (qs: string) =>
        (await s.call(admin, 'GET', `/api/v1/projects?${qs}`)).json.projects.map(
          (p: { name: string }) => p.name,
        );
      expect(await names('team=platform')).toEqual(['acme/api']);
      expect(await names('team=nobody')).toEqual([]);
      expect(await names('tier=medium')).toEqual(['web', 'acme/api']);
      expect(await names('tier=high')).toEqual([]);
      expect(await names('q=api&tier=medium&team=platform')).toEqual(['acme/api']);
      const listed = await s.call(admin, 'GET', '/api/v1/projects?team=platform');
      expect(listed.json.projects[0].team).toEqual({ id: platform, name: 'platform' });

      const same = await patch(admin, 'acme/api', { teamId: platform });
      expect(same.json.dueDatesMoved).toBe(0);
      const count = (await audits()).length;
      const cleared = await patch(admin, 'acme/api', { teamId: null, repository: null });
      expect(cleared.json.project).toMatchObject({ team: null, repository: null });
      expect(await audits()).toHaveLength(count + 1);
    });

    it('refuses bad input and unknown teams and changes nothing', async () => {
      const before = { dates: await dueDates(s.store, 'web'), audits: (await audits()).length };
      const cases: [unknown, number, RegExp][] = [
        [{ tier: 'urgent' }, 400, /body\.tier/],
        [{}, 400, /give tier, teamId, repository or defaultBranch/],
        [{ tier: 'critical', owner: 'x' }, 400, /owner/],
        [{ teamId: 0 }, 400, /body\.teamId/],
        [{ defaultBranch: '' }, 400, /body\.defaultBranch/],
        [{ repository: 'a\nb' }, 400, /control characters/],
        [{ tier: 'critical', teamId: 9999 }, 400, /body\.teamId: no team #9999/],
      ];
      for (const [body, status, message] of cases) {
        const r = await patch(admin, 'web', body);
        expect([r.status, r.json.error?.message], JSON.stringify(body)).toEqual([
          status,
          expect.stringMatching(message),
        ]);
      }
      const web = await s.call(admin, 'GET', '/api/v1/projects/web');
      expect(web.json.project.tier).toBe('medium');
      expect(await dueDates(s.store, 'web')).toEqual(before.dates);
      expect(await audits()).toHaveLength(before.audits);
    });

    it('lets only admin and security credentials of every project change settings', async () => {
      for (const role of ['developer', 'auditor', 'ci'] as const) {
        const r = await patch(await s.token(role), 'web', { tier: 'low' });
        expect([role, r.status, r.json.error.code]).toEqual([role, 403, 'forbidden']);
      }
      const scopedAdmin = await s.token('admin', 'web');
      const own = await patch(scopedAdmin, 'web', { tier: 'low' });
      expect([own.status, own.json.error.message]).toEqual([403, expect.stringMatching(/project-scoped/)]);
      const other = await patch(scopedAdmin, 'acme/api', { tier: 'low' });
      expect(other.status).toBe(404);
      const ci = await s.call(await s.token('ci'), 'GET', '/api/v1/projects/web');
      expect(ci.status).toBe(403);
      expect((await s.call(admin, 'GET', '/api/v1/projects/web')).json.project.tier).toBe('medium');
    });

    it('shows a project-scoped credential its project only', async () => {
      await patch(admin, 'web', { teamId: platform });
      await patch(admin, 'acme/api', { teamId: platform });
      const dev = await s.token('developer', 'web');
      const list = await s.call(dev, 'GET', '/api/v1/projects?team=platform');
      expect(list.json.projects.map((p: { name: string }) => p.name)).toEqual(['web']);
      expect((await s.call(dev, 'GET', '/api/v1/projects/web')).status).toBe(200);
      const other = await s.call(dev, 'GET', `/api/v1/projects/${encodeURIComponent('acme/api')}`);
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
    });
  });
}
