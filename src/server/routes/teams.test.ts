import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`teams API on ${backend.name}`, () => {
    let s: TestServer;
    let admin: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      admin = await s.token('admin');
      for (const project of ['web', 'api', 'batch'])
        await ingestScan(s.store, testUpload([testFinding(1)], {}, project), 'ci');
    });
    afterAll(async () => s?.close());

    const create = (token: string, name: unknown) => s.call(token, 'POST', '/api/v1/teams', { name });
    const own = (project: string, teamId: number | null) =>
      s.call(admin, 'PATCH', `/api/v1/projects/${project}`, { teamId });
    const teamAudits = async () =>
      (
        await s.store.db
          .selectFrom('audit_events')
          .select(['actor', 'action', 'target_id', 'detail'])
          .where('target_type', '=', 'team')
          .orderBy('id')
          .execute()
      ).map((a) => ({ ...a, detail: JSON.parse(a.detail) }));

    it('creates, lists with project counts, renames and deletes teams, and audits each change', async () => {
      const made = await create(admin, '  payments  ');
      expect(made.status).toBe(201);
      expect(made.json.team).toEqual({
        id: expect.any(Number),
        name: 'payments',
        createdAt: expect.stringMatching(/^\d{4}-/),
        projects: 0,
      });
      const id = made.json.team.id;
      const core = (await create(admin, 'core')).json.team.id;
      expect((await own('web', id)).status).toBe(200);
      expect((await own('api', id)).status).toBe(200);
      const list = await s.call(await s.token('auditor'), 'GET', '/api/v1/teams');
      expect(list.status).toBe(200);
      expect(list.json.teams.map((t: { name: string; projects: number }) => [t.name, t.projects])).toEqual([
        ['core', 0],
        ['payments', 2],
      ]);

      const renamed = await s.call(admin, 'PATCH', `/api/v1/teams/${id}`, { name: 'billing' });
      expect(renamed.json.team).toMatchObject({ id, name: 'billing', projects: 2 });
      const project = await s.call(admin, 'GET', '/api/v1/projects/web');
      expect(project.json.project.team).toEqual({ id, name: 'billing' });

      const deleted = await s.call(admin, 'DELETE', `/api/v1/teams/${core}`);
      expect(deleted.json).toEqual({ deleted: true, id: core });
      expect(await teamAudits()).toEqual([
        {
          actor: 'token:admin-all',
          action: 'team.create',
          target_id: String(id),
          detail: { after: { name: 'payments' } },
        },
        {
          actor: 'token:admin-all',
          action: 'team.create',
          target_id: String(core),
          detail: { after: { name: 'core' } },
        },
        {
          actor: 'token:admin-all',
          action: 'team.rename',
          target_id: String(id),
          detail: { before: { name: 'payments' }, after: { name: 'billing' } },
        },
        {
          actor: 'token:admin-all',
          action: 'team.delete',
          target_id: String(core),
          detail: { before: { name: 'core' } },
        },
      ]);
    });

    it('refuses duplicate names, bad names and unknown teams, changing nothing', async () => {
      const first = (await create(admin, 'search')).json.team.id;
      await create(admin, 'ads');
      const before = {
        teams: (await s.call(admin, 'GET', '/api/v1/teams')).json,
        audits: await teamAudits(),
      };
      const cases: [string, string, unknown, number, RegExp][] = [
        ['POST', '/api/v1/teams', { name: 'search' }, 409, /a team named search already exists/],
        ['PATCH', `/api/v1/teams/${first}`, { name: 'ads' }, 409, /a team named ads already exists/],
        ['POST', '/api/v1/teams', { name: '   ' }, 400, /body\.name/],
        ['POST', '/api/v1/teams', { name: 'x'.repeat(101) }, 400, /body\.name/],
        ['POST', '/api/v1/teams', { name: 'a\u0007b' }, 400, /control characters/],
        ['POST', '/api/v1/teams', {}, 400, /body\.name/],
        ['PATCH', '/api/v1/teams/9999', { name: 'new' }, 404, /no team #9999/],
        ['PATCH', '/api/v1/teams/abc', { name: 'new' }, 400, /path\.id/],
        ['DELETE', '/api/v1/teams/9999', undefined, 404, /no team #9999/],
      ];
      for (const [method, path, body, status, message] of cases) {
        const r = await s.call(admin, method, path, body);
        expect([r.status, r.json.error?.message], `${method} ${path} ${JSON.stringify(body)}`).toEqual([
          status,
          expect.stringMatching(message),
        ]);
      }
      expect((await s.call(admin, 'GET', '/api/v1/teams')).json).toEqual(before.teams);
      expect(await teamAudits()).toEqual(before.audits);
    });

    it('refuses to delete a team that owns projects or that exceptions name', async () => {
      const id = (await create(admin, 'infra')).json.team.id;
      await own('batch', id);
      const owning = await s.call(admin, 'DELETE', `/api/v1/teams/${id}`);
      expect([owning.status, owning.json.error.message]).toEqual([
        409,
        expect.stringMatching(/still owns 1 project\(s\) \(batch\)/),
      ]);
      await own('batch', null);
      await s.store.db
        .insertInto('exceptions')
        .values({
          kind: 'rule',
          project_id: null,
          team_id: id,
          fingerprint: null,
          rule_id: 'sast/rule-1',
          path_glob: null,
          advisory_id: null,
          package_name: null,
          reason: 'handled by the gateway',
          requested_by: 'someone',
          requested_at: Date.now(),
          status: 'revoked',
          decided_by: null,
          decided_at: null,
          decision_comment: null,
          expires_at: null,
        })
        .execute();
      const named = await s.call(admin, 'DELETE', `/api/v1/teams/${id}`);
      expect([named.status, named.json.error.message]).toEqual([
        409,
        expect.stringMatching(/named by 1 exception\(s\).*rename the team instead/),
      ]);
      const teams = (await s.call(admin, 'GET', '/api/v1/teams')).json.teams;
      expect(teams.map((t: { name: string }) => t.name)).toContain('infra');
    });

    it('lets only admins of every project change teams; a scoped credential sees its own team', async () => {
      const id = (await create(admin, 'mobile')).json.team.id;
      await own('api', id);
      for (const role of ['security', 'developer', 'auditor', 'ci'] as const) {
        const token = await s.token(role);
        for (const [method, path, body] of [
          ['POST', '/api/v1/teams', { name: `by-${role}` }],
          ['PATCH', `/api/v1/teams/${id}`, { name: `by-${role}` }],
          ['DELETE', `/api/v1/teams/${id}`, undefined],
        ] as const) {
          const r = await s.call(token, method, path, body);
          expect([role, method, r.status]).toEqual([role, method, 403]);
        }
      }
      const scopedAdmin = await s.token('admin', 'web');
      const r = await create(scopedAdmin, 'rogue');
      expect([r.status, r.json.error.message]).toEqual([403, expect.stringMatching(/project-scoped/)]);
      const scoped = await s.call(await s.token('developer', 'api'), 'GET', '/api/v1/teams');
      expect(scoped.json.teams).toEqual([expect.objectContaining({ id, name: 'mobile', projects: 1 })]);
      const none = await s.call(await s.token('developer', 'batch'), 'GET', '/api/v1/teams');
      expect(none.json.teams).toEqual([]);
      expect((await s.call(await s.token('ci'), 'GET', '/api/v1/teams')).status).toBe(403);
    });
  });
}
