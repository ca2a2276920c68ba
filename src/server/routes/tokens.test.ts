import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../store/testing.js';
import { hashToken } from '../../store/tokens.js';
import { type Browser, startTestServer, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`tokens API on ${backend.name}`, () => {
    let s: TestServer;
    let admin: Browser;
    let adminEmail: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      adminEmail = (await s.user('admin')).email;
      admin = await s.signIn(adminEmail);
    });
    afterAll(async () => s?.close());

    it('creates a token shown once, lists it without its hash, revokes it', async () => {
      const project = await s.store.db
        .insertInto('projects')
        .values({
          name: 'pipe',
          repository: null,
          default_branch: 'main',
          tier: 'medium',
          team_id: null,
          created_at: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = await admin.call('POST', '/api/v1/tokens', {
        name: 'pipe-ci',
        role: 'ci',
        projectId: project.id,
      });
      expect(created.status).toBe(201);
      const value: string = created.json.value;
      expect(value).toMatch(/^gh_[\w-]{43}$/);
      const view = {
        id: expect.any(Number),
        name: 'pipe-ci',
        role: 'ci',
        projectId: project.id,
        prefix: value.slice(0, 9),
        createdAt: expect.stringMatching(/Z$/),
        createdBy: adminEmail,
        lastUsedAt: null,
        revokedAt: null,
      };
      expect(created.json.token).toEqual(view);
      const id: number = created.json.token.id;

      // The token works, and its use is recorded (to the minute).
      const used = await s.call(value, 'GET', '/api/v1/gate?project=pipe');
      expect([used.status, used.json.error.message]).toEqual([404, 'no scan of pipe: upload one first']);
      const listed = await admin.call('GET', '/api/v1/tokens');
      const mine = listed.json.tokens.find((t: { id: number }) => t.id === id);
      expect(mine).toEqual({ ...view, lastUsedAt: expect.stringMatching(/Z$/) });
      expect(JSON.stringify(listed.json)).not.toContain(hashToken(value));
      expect(JSON.stringify(listed.json)).not.toContain(value);

      const revoked = await admin.call('DELETE', `/api/v1/tokens/${id}`);
      expect([revoked.status, revoked.json]).toEqual([200, { revoked: true, id }]);
      const refused = await s.call(value, 'GET', '/api/v1/gate?project=pipe');
      expect([refused.status, refused.json.error.message]).toEqual([401, 'the token is unknown or revoked']);
      const again = await admin.call('DELETE', `/api/v1/tokens/${id}`);
      expect([again.status, again.json.error.code]).toEqual([404, 'not_found']);
      const live = await admin.call('GET', '/api/v1/tokens');
      expect(live.json.tokens.map((t: { id: number }) => t.id)).not.toContain(id);
      const all = await admin.call('GET', '/api/v1/tokens?revoked=true');
      expect(all.json.tokens.find((t: { id: number }) => t.id === id).revokedAt).toMatch(/Z$/);

      const audit = await s.store.db
        .selectFrom('audit_events')
        .select(['actor', 'action', 'detail'])
        .where('target_type', '=', 'token')
        .where('target_id', '=', String(id))
        .orderBy('id')
        .execute();
      expect(audit.map((e) => [e.actor, e.action, JSON.parse(e.detail)])).toEqual([
        [adminEmail, 'token.create', { name: 'pipe-ci', role: 'ci' }],
        [adminEmail, 'token.revoke', { name: 'pipe-ci', role: 'ci' }],
      ]);
      expect(JSON.stringify(audit)).not.toContain(value);
    });

    it('refuses bad tokens and changes nothing', async () => {
      const count = async () => (await s.store.db.selectFrom('tokens').select('id').execute()).length;
      const before = await count();
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ name: '', role: 'ci' }, /body\.name/],
        [{ name: 'x', role: 'root' }, /body\.role/],
        [{ name: 'x', role: 'ci', projectId: 9999 }, /no project 9999/],
      ];
      for (const [body, message] of cases) {
        const r = await admin.call('POST', '/api/v1/tokens', body);
        expect([r.status, r.json.error.message], JSON.stringify(body)).toEqual([
          400,
          expect.stringMatching(message),
        ]);
      }
      expect(await count()).toBe(before);
    });

    it('lets only admins of every project administer tokens', async () => {
      const target = await admin.call('POST', '/api/v1/tokens', { name: 'keep-me', role: 'ci' });
      const security = await s.signIn((await s.user('security')).email);
      const scopedAdmin = await s.token('admin', 'one-project');
      for (const r of [
        await security.call('GET', '/api/v1/tokens'),
        await security.call('POST', '/api/v1/tokens', { name: 'mine', role: 'admin' }),
        await security.call('DELETE', `/api/v1/tokens/${target.json.token.id}`),
        await s.call(await s.token('auditor'), 'GET', '/api/v1/tokens'),
        await s.call(scopedAdmin, 'POST', '/api/v1/tokens', { name: 'escalate', role: 'admin' }),
        await s.call(scopedAdmin, 'DELETE', `/api/v1/tokens/${target.json.token.id}`),
      ])
        expect([r.status, r.json.error.code]).toEqual([403, 'forbidden']);
      const stillLive = await s.call(target.json.value, 'GET', '/api/v1/tokens');
      expect([stillLive.status, stillLive.json.error.code]).toEqual([403, 'forbidden']);
      const names = (await s.store.db.selectFrom('tokens').select('name').execute()).map((t) => t.name);
      expect(names).not.toContain('escalate');
      expect(names).not.toContain('mine');
    });
  });
}
