import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../store/testing.js';
import { type Browser, startTestServer, TEST_PASSWORD, type TestServer } from '../testing.js';

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`users API on ${backend.name}`, () => {
    let s: TestServer;
    let admin: Browser;
    let adminEmail: string;
    beforeAll(async () => {
      s = await startTestServer(backend);
      adminEmail = (await s.user('admin')).email;
      admin = await s.signIn(adminEmail);
    });
    afterAll(async () => s?.close());

    const signIn = (email: string, password: string) =>
      s.call(undefined, 'POST', '/api/v1/session', { email, password });
    const userRow = (id: number) =>
      s.store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const userCount = async () => (await s.store.db.selectFrom('users').select('id').execute()).length;

    it('creates users with a given or a generated password, shown once', async () => {
      const given = await admin.call('POST', '/api/v1/users', {
        email: 'Dev.One@Test.Example',
        name: 'Dev One',
        role: 'developer',
        password: 'a long enough passphrase',
      });
      expect(given.status).toBe(201);
      expect(given.json).toEqual({
        user: {
          id: expect.any(Number),
          email: 'dev.one@test.example',
          name: 'Dev One',
          role: 'developer',
          projectId: null,
          disabled: false,
          createdAt: expect.stringMatching(/Z$/),
          lastLoginAt: null,
          lockedUntil: null,
        },
      });
      expect((await signIn('dev.one@test.example', 'a long enough passphrase')).status).toBe(200);

      const generated = await admin.call('POST', '/api/v1/users', {
        email: 'aud@test.example',
        role: 'auditor',
      });
      expect(generated.status).toBe(201);
      expect(generated.json.password).toMatch(/^[\w-]{24}$/);
      expect(generated.json.user.name).toBe('aud');
      expect((await signIn('aud@test.example', generated.json.password)).status).toBe(200);
      const listed = await admin.call('GET', '/api/v1/users');
      expect(listed.status).toBe(200);
      const aud = listed.json.users.find((u: { email: string }) => u.email === 'aud@test.example');
      expect(aud.lastLoginAt).toMatch(/Z$/);
      expect(Object.keys(aud).sort()).toEqual(Object.keys(given.json.user).sort());
      expect(JSON.stringify(listed.json)).not.toMatch(/scrypt|password/);
    });

    it('refuses bad users and changes nothing', async () => {
      const before = await userCount();
      const cases: [Record<string, unknown>, number, RegExp][] = [
        [{ email: 'DEV.ONE@test.example', role: 'developer' }, 409, /exists/],
        [{ email: 'x@test.example', role: 'ci' }, 400, /body\.role/],
        [{ email: 'x@test.example', role: 'developer', password: 'short' }, 400, /at least 12 characters/],
        [{ email: 'not an address', role: 'developer' }, 400, /body\.email/],
        [{ email: 'x@test.example', role: 'developer', projectId: 9999 }, 400, /no project 9999/],
      ];
      for (const [body, status, message] of cases) {
        const r = await admin.call('POST', '/api/v1/users', body);
        expect([r.status, r.json.error?.message], JSON.stringify(body)).toEqual([
          status,
          expect.stringMatching(message),
        ]);
      }
      expect(await userCount()).toBe(before);
    });

    it('ends the sessions of a user whose role, project or password changes, or who is disabled', async () => {
      const patch = (id: number, body: Record<string, unknown>) =>
        admin.call('PATCH', `/api/v1/users/${id}`, body);
      const u = await s.user('developer');
      let browser = await s.signIn(u.email);
      const alive = async () => (await browser.call('GET', '/api/v1/session')).status === 200;

      expect((await patch(u.id, { name: 'Renamed' })).json.user.name).toBe('Renamed');
      expect(await alive()).toBe(true);

      const promoted = await patch(u.id, { role: 'security' });
      expect([promoted.status, promoted.json.user.role]).toEqual([200, 'security']);
      expect(await alive()).toBe(false);

      browser = await s.signIn(u.email);
      const scoped = await patch(u.id, {
        projectId: (
          await s.store.db
            .insertInto('projects')
            .values({
              name: 'scope',
              repository: null,
              default_branch: 'main',
              tier: 'medium',
              team_id: null,
              created_at: Date.now(),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      });
      expect(scoped.json.user.projectId).toEqual(expect.any(Number));
      expect(await alive()).toBe(false);

      browser = await s.signIn(u.email);
      const reset = await patch(u.id, { generatePassword: true });
      expect(reset.json.password).toMatch(/^[\w-]{24}$/);
      expect(await alive()).toBe(false);
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(401);
      browser = await s.signIn(u.email, reset.json.password);

      const disabled = await patch(u.id, { disabled: true });
      expect(disabled.json.user.disabled).toBe(true);
      expect(await alive()).toBe(false);
      expect((await signIn(u.email, reset.json.password)).status).toBe(403);
      expect((await patch(u.id, { disabled: false, password: 'set by the admin now' })).status).toBe(200);
      expect((await signIn(u.email, 'set by the admin now')).status).toBe(200);

      const events = await s.store.db
        .selectFrom('audit_events')
        .select(['actor', 'detail'])
        .where('action', '=', 'user.update')
        .where('target_id', '=', String(u.id))
        .orderBy('id')
        .execute();
      expect(events.every((e) => e.actor === adminEmail)).toBe(true);
      expect(events.map((e) => JSON.parse(e.detail))).toEqual([
        {
          email: u.email,
          name: { from: u.email.split('@')[0], to: 'Renamed' },
          passwordReset: false,
          sessionsEnded: 0,
        },
        {
          email: u.email,
          role: { from: 'developer', to: 'security' },
          passwordReset: false,
          sessionsEnded: 1,
        },
        {
          email: u.email,
          projectId: { from: null, to: expect.any(Number) },
          passwordReset: false,
          sessionsEnded: 1,
        },
        { email: u.email, passwordReset: true, sessionsEnded: 1 },
        { email: u.email, disabled: { from: false, to: true }, passwordReset: false, sessionsEnded: 1 },
        { email: u.email, disabled: { from: true, to: false }, passwordReset: true, sessionsEnded: 0 },
      ]);
    });

    it('refuses empty, contradictory and unknown changes', async () => {
      const u = await s.user('auditor');
      const cases: [number, Record<string, unknown>, number, RegExp][] = [
        [u.id, {}, 400, /nothing to change/],
        [u.id, { password: 'a long enough passphrase', generatePassword: true }, 400, /not both/],
        [u.id, { role: 'ci' }, 400, /body\.role/],
        [u.id, { projectId: 9999 }, 400, /no project 9999/],
        [999_999, { name: 'x' }, 404, /no user 999999/],
      ];
      for (const [id, body, status, message] of cases) {
        const r = await admin.call('PATCH', `/api/v1/users/${id}`, body);
        expect([r.status, r.json.error?.message], JSON.stringify(body)).toEqual([
          status,
          expect.stringMatching(message),
        ]);
      }
      const row = await userRow(u.id);
      expect([row.role, row.project_id, row.disabled]).toEqual(['auditor', null, 0]);
    });

    it('lets only admins of every project administer users', async () => {
      const security = await s.signIn((await s.user('security')).email);
      const auditor = await s.signIn((await s.user('auditor')).email);
      const scopedAdmin = await s.token('admin', 'one-project');
      const body = { email: 'intruder@test.example', role: 'admin' };
      for (const r of [
        await security.call('GET', '/api/v1/users'),
        await auditor.call('POST', '/api/v1/users', body),
        await security.call('PATCH', '/api/v1/users/1', { role: 'admin' }),
        await s.call(await s.token('developer'), 'GET', '/api/v1/users'),
        await s.call(scopedAdmin, 'POST', '/api/v1/users', body),
      ])
        expect([r.status, r.json.error.code]).toEqual([403, 'forbidden']);
      expect((await s.call(undefined, 'GET', '/api/v1/users')).status).toBe(401);
      expect(
        await s.store.db.selectFrom('users').where('email', '=', body.email).select('id').execute(),
      ).toEqual([]);
    });

    it('never answers or audits a password, a password hash or a session secret', async () => {
      const password = 'the secret passphrase 42';
      const answers: unknown[] = [];
      const keep = async <T extends { json: unknown }>(r: Promise<T>) => {
        const x = await r;
        answers.push(x.json);
        return x;
      };
      const created = await keep(
        admin.call('POST', '/api/v1/users', { email: 'leak@test.example', role: 'security', password }),
      );
      const id = created.json.user.id;
      const hashes = [(await userRow(id)).password_hash];
      const browser = await s.signIn('leak@test.example', password);
      await keep(
        s.call(undefined, 'POST', '/api/v1/session', {
          email: 'leak@test.example',
          password: `${password}!`,
        }),
      );
      await keep(browser.call('GET', '/api/v1/session'));
      await keep(admin.call('GET', '/api/v1/users'));
      await keep(
        browser.call('POST', '/api/v1/session/password', {
          currentPassword: password,
          newPassword: `${password} v2`,
        }),
      );
      hashes.push((await userRow(id)).password_hash);
      await keep(admin.call('PATCH', `/api/v1/users/${id}`, { password: `${password} v3` }));
      hashes.push((await userRow(id)).password_hash);
      await keep(admin.call('GET', '/api/v1/audit?limit=500'));
      await keep(browser.call('DELETE', '/api/v1/session'));
      const audit = JSON.stringify(await s.store.db.selectFrom('audit_events').selectAll().execute());
      for (const text of [JSON.stringify(answers), audit]) {
        for (const secret of [password, browser.secret, 'scrypt', ...hashes.map((h) => h.split('$')[5]!)])
          expect(text).not.toContain(secret);
      }
      expect(audit).toContain('leak@test.example');
    });
  });
}
