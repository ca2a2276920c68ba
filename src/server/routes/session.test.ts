import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestScan } from '../../store/ingest.js';
import { hashPassword, verifyPassword } from '../../store/passwords.js';
import { hashSessionSecret } from '../../store/sessions.js';
import { reportFinding, testFinding, testUpload } from '../../store/test-upload.js';
import { backends } from '../../store/testing.js';
import { startTestServer, TEST_PASSWORD, type TestServer, testReport } from '../testing.js';

const HOUR = 3_600_000;
/** The address behind the proxy, as GATEHOUSE_PUBLIC_URL gives it. */
const PUBLIC_URL = 'https://gatehouse.example.com';
const DAY = 24 * HOUR;

for (const backend of await backends()) {
  describe.skipIf(backend.skip)(`sign-in and sessions on ${backend.name}`, () => {
    let s: TestServer;
    /** The server's clock: tests move it instead of sleeping. */
    let now = Date.now();
    beforeAll(async () => {
      s = await startTestServer(backend, {}, { auth: { now: () => now }, baseUrl: PUBLIC_URL });
    });
    afterAll(async () => s?.close());

    const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
      s.call(undefined, 'POST', '/api/v1/session', { email, password }, headers);
    const withCookie = (cookie: string, method: string, path: string, headers: Record<string, string> = {}) =>
      s.call(undefined, method, path, undefined, { cookie, ...headers });
    const audit = (action: string) =>
      s.store.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
    const sessionRows = (userId: number) =>
      s.store.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();

    it('signs in with a Secure, HttpOnly, SameSite=Strict cookie, keeps the session, signs out', async () => {
      const u = await s.user('security', { email: 'Ana.Lima@Test.Example' });
      expect(u.email).toBe('ana.lima@test.example');
      const r = await signIn('ANA.LIMA@test.example', TEST_PASSWORD);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        user: { id: u.id, email: u.email, name: 'Ana.Lima', role: 'security', projectId: null },
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      });
      const [set] = r.headers.getSetCookie();
      expect(set).toMatch(
        /^gatehouse_session=[\w-]{43}; Max-Age=604800; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
      const cookie = set!.split(';')[0]!;
      const secret = cookie.split('=')[1]!;
      // The database holds the digest of the secret, never the secret.
      const rows = await sessionRows(u.id);
      expect(rows.map((x) => x.id)).toEqual([hashSessionSecret(secret)]);
      expect(JSON.stringify(rows)).not.toContain(secret);

      const me = await withCookie(cookie, 'GET', '/api/v1/session');
      expect(me.status).toBe(200);
      expect(me.json).toEqual(r.json);
      const findings = await withCookie(cookie, 'GET', '/api/v1/findings');
      expect(findings.status).toBe(200);
      // Signing in again from the same browser replaces its session.
      const again = await s.call(
        undefined,
        'POST',
        '/api/v1/session',
        { email: u.email, password: TEST_PASSWORD },
        { cookie },
      );
      expect(again.status).toBe(200);
      expect((await withCookie(cookie, 'GET', '/api/v1/session')).status).toBe(401);
      const newCookie = again.headers.getSetCookie()[0]!.split(';')[0]!;
      expect((await sessionRows(u.id)).map((x) => x.id)).toEqual([
        hashSessionSecret(newCookie.split('=')[1]!),
      ]);

      const out = await withCookie(newCookie, 'DELETE', '/api/v1/session', {
        'x-csrf-token': again.json.csrfToken,
      });
      expect([out.status, out.json]).toEqual([200, { signedOut: true }]);
      expect(out.headers.getSetCookie()[0]).toMatch(
        /^gatehouse_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Strict$/,
      );
      expect(await sessionRows(u.id)).toEqual([]);
      const after = await withCookie(newCookie, 'GET', '/api/v1/session');
      expect([after.status, after.json.error.code]).toEqual([401, 'unauthorized']);
      expect((await audit('session.create')).map((e) => e.actor)).toContain(u.email);
      expect((await audit('session.delete')).map((e) => e.actor)).toContain(u.email);
    });

    it('answers a wrong password and an unknown e-mail alike, and opens no session', async () => {
      const u = await s.user('developer');
      const wrong = await signIn(u.email, 'not the password at all');
      const unknown = await signIn('nobody@test.example', TEST_PASSWORD);
      expect([wrong.status, wrong.json]).toEqual([
        401,
        { error: { code: 'unauthorized', message: 'wrong e-mail or password' } },
      ]);
      expect([unknown.status, unknown.json]).toEqual([wrong.status, wrong.json]);
      expect(wrong.headers.getSetCookie()).toEqual([]);
      expect(await sessionRows(u.id)).toEqual([]);
      const fails = (await audit('session.fail')).map((e) => JSON.parse(e.detail));
      expect(fails).toEqual(
        expect.arrayContaining([
          { email: u.email, reason: 'password', ip: '127.0.0.1' },
          { email: 'nobody@test.example', reason: 'unknown', ip: '127.0.0.1' },
        ]),
      );
      const bad = await signIn('not-an-email', TEST_PASSWORD);
      expect([bad.status, bad.json.error.code]).toEqual([400, 'bad_request']);
      const none = await s.call(undefined, 'GET', '/api/v1/session');
      expect([none.status, none.json.error.message]).toEqual([401, expect.stringMatching(/sign in/)]);
    });

    it('locks the account for 15 minutes after 10 wrong passwords in a row', async () => {
      const u = await s.user('auditor');
      // Nine failures, then success: the count starts again.
      for (let i = 0; i < 9; i++) expect((await signIn(u.email, `wrong password ${i}`)).status).toBe(401);
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await signIn(u.email, `wrong password ${i}`)).status).toBe(401);
      const locked = await signIn(u.email, TEST_PASSWORD);
      expect(locked.status).toBe(429);
      expect(locked.json.error).toEqual({
        code: 'rate_limited',
        message: expect.stringMatching(/^10 failed sign-ins in a row: the account is locked until .*Z;/),
      });
      expect(locked.headers.get('retry-after')).toBe('900');
      expect(locked.headers.getSetCookie()).toEqual([]);
      const lock = (await audit('user.lock')).filter((e) => e.target_id === String(u.id));
      expect(lock).toHaveLength(1);
      now += 14 * 60_000;
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(429);
      now += 60_001;
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(200);
      const row = await s.store.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow();
      expect([row.failed_logins, row.locked_until]).toEqual([0, null]);
    });

    it('refuses a disabled user even with the right password', async () => {
      const u = await s.user('developer');
      await s.store.db.updateTable('users').set({ disabled: 1 }).where('id', '=', u.id).execute();
      const r = await signIn(u.email, TEST_PASSWORD);
      expect([r.status, r.json.error.message]).toEqual([
        403,
        'this account is disabled; ask an administrator',
      ]);
      expect((await signIn(u.email, 'a wrong password')).status).toBe(401);
      expect(await sessionRows(u.id)).toEqual([]);
    });

    it('ends a session after 12 idle hours, and 7 days after sign-in however busy', async () => {
      const u = await s.user('security');
      const idle = await s.signIn(u.email);
      now += 12 * HOUR + 1;
      expect((await idle.call('GET', '/api/v1/session')).status).toBe(401);

      const busy = await s.signIn(u.email);
      const id = hashSessionSecret(busy.secret);
      const seen = async () =>
        (
          await s.store.db
            .selectFrom('sessions')
            .select('last_seen_at')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).last_seen_at;
      const start = now;
      now += 30_000;
      expect((await busy.call('GET', '/api/v1/session')).status).toBe(200);
      expect(await seen()).toBe(start); // written at most once a minute
      now += 31_000;
      expect((await busy.call('GET', '/api/v1/session')).status).toBe(200);
      expect(await seen()).toBe(now);
      while (now + 11 * HOUR < start + 7 * DAY) {
        now += 11 * HOUR;
        expect((await busy.call('GET', '/api/v1/session')).status).toBe(200);
      }
      now = start + 7 * DAY;
      expect((await busy.call('GET', '/api/v1/session')).status).toBe(401);
    });

    it('refuses cookie-authenticated changes without the CSRF token or from another origin', async () => {
      const admin = await s.signIn((await s.user('admin')).email);
      const tokens = async () =>
        Number(
          (
            await s.store.db
              .selectFrom('tokens')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await tokens();
      const body = { name: 'csrf-probe', role: 'ci' };
      const cases: [Record<string, string>, string][] = [
        [{ 'x-csrf-token': '' }, 'needs the x-csrf-token header'],
        [{ 'x-csrf-token': 'A'.repeat(43) }, 'does not match'],
        [{ 'x-csrf-token': `${admin.csrfToken}x` }, 'does not match'],
        [{ origin: 'https://evil.example' }, 'another origin (evil.example)'],
        [{ origin: 'null' }, 'origin null refused'],
        [{ origin: `${PUBLIC_URL}.evil.example` }, 'another origin (gatehouse.example.com.evil.example)'],
        [{ origin: `http://localhost:${new URL(s.url).port}` }, 'another origin (localhost:'],
      ];
      for (const [headers, message] of cases) {
        const r = await admin.call('POST', '/api/v1/tokens', body, headers);
        expect([r.status, r.json.error], JSON.stringify(headers)).toEqual([
          403,
          { code: 'csrf', message: expect.stringContaining(message) },
        ]);
      }
      expect(await tokens()).toBe(before);
      // The right token from our own page (or with no Origin, as non-browser clients send) passes.
      expect((await admin.call('POST', '/api/v1/tokens', body)).status).toBe(201);
      expect((await admin.call('POST', '/api/v1/tokens', body, { origin: PUBLIC_URL })).status).toBe(201);
      const noOrigin = await s.call(undefined, 'POST', '/api/v1/tokens', body, {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
      });
      expect(noOrigin.status).toBe(201);
      // Reads need no token.
      expect(
        (await s.call(undefined, 'GET', '/api/v1/tokens', undefined, { cookie: admin.cookie })).status,
      ).toBe(200);
      // Another session's token is not this session's.
      const other = await s.signIn((await s.user('admin')).email);
      const crossed = await admin.call('POST', '/api/v1/tokens', body, { 'x-csrf-token': other.csrfToken });
      expect(crossed.json.error?.code).toBe('csrf');
    });

    it('applies the CSRF check to uploads, and none to bearer tokens', async () => {
      const user = await s.user('security');
      const sec = await s.signIn(user.email);
      const report = testReport([reportFinding(3)]);
      const upload = (headers: Record<string, string>) =>
        s.call(undefined, 'POST', '/api/v1/scans?project=csrf', report, {
          'content-type': 'application/json',
          ...headers,
        });
      const bare = await upload({ cookie: sec.cookie });
      expect([bare.status, bare.json.error.code]).toEqual([403, 'csrf']);
      const ok = await upload({ cookie: sec.cookie, 'x-csrf-token': sec.csrfToken });
      expect(ok.status).toBe(201);
      const scan = await s.store.db
        .selectFrom('scans')
        .select('uploaded_by')
        .where('id', '=', ok.json.scan.id)
        .executeTakeFirstOrThrow();
      expect(scan.uploaded_by).toBe(user.email);
      const token = await s.token('admin');
      const viaToken = await s.call(
        token,
        'POST',
        '/api/v1/tokens',
        { name: 'by-token', role: 'ci' },
        {
          origin: 'https://evil.example',
        },
      );
      expect(viaToken.status).toBe(201);
      // A bearer token wins over the cookie, and a wrong one is not rescued by it.
      const bad = await s.call('gh_wrong', 'GET', '/api/v1/session', undefined, { cookie: sec.cookie });
      expect([bad.status, bad.json.error.message]).toEqual([401, 'the token is unknown or revoked']);
      const tokenSession = await s.call(token, 'GET', '/api/v1/session');
      expect([tokenSession.status, tokenSession.json.error.message]).toEqual([
        401,
        'this is for a signed-in user, not a token',
      ]);
      // Sign-in from another site's page is refused (login CSRF).
      const u = await s.user('auditor');
      const foreign = await signIn(u.email, TEST_PASSWORD, { origin: 'https://evil.example' });
      expect([foreign.status, foreign.json.error.code]).toEqual([403, 'csrf']);
      expect(foreign.headers.getSetCookie()).toEqual([]);
    });

    it('changes the own password: the current one is required, other sessions end', async () => {
      const u = await s.user('developer');
      const here = await s.signIn(u.email);
      const elsewhere = await s.signIn(u.email);
      const change = (currentPassword: string, newPassword: string) =>
        here.call('POST', '/api/v1/session/password', { currentPassword, newPassword });
      const wrong = await change('not my password', 'a brand new passphrase');
      expect([wrong.status, wrong.json.error.message]).toEqual([
        403,
        'body.currentPassword: not the current password',
      ]);
      const short = await change(TEST_PASSWORD, 'short');
      expect([short.status, short.json.error.message]).toEqual([
        400,
        'body.newPassword: at least 12 characters',
      ]);
      const ok = await change(TEST_PASSWORD, 'a brand new passphrase');
      expect([ok.status, ok.json]).toEqual([200, { changed: true, sessionsEnded: 1 }]);
      expect((await here.call('GET', '/api/v1/session')).status).toBe(200);
      expect((await elsewhere.call('GET', '/api/v1/session')).status).toBe(401);
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(401);
      expect((await signIn(u.email, 'a brand new passphrase')).status).toBe(200);
      const [row] = (await audit('user.password')).filter((e) => e.target_id === String(u.id));
      expect(JSON.parse(row!.detail)).toEqual({ email: u.email, sessionsEnded: 1 });
    });

    it('counts wrong current passwords towards the lock', async () => {
      const u = await s.user('auditor');
      const here = await s.signIn(u.email);
      const change = (currentPassword: string) =>
        here.call('POST', '/api/v1/session/password', { currentPassword, newPassword: 'never set at all' });
      for (let i = 0; i < 10; i++) expect((await change(`guess number ${i}`)).status).toBe(403);
      const locked = await change(TEST_PASSWORD);
      expect([locked.status, locked.json.error.code]).toEqual([429, 'rate_limited']);
      expect((await signIn(u.email, TEST_PASSWORD)).status).toBe(429);
      expect((await here.call('GET', '/api/v1/session')).status).toBe(200); // the lock ends no session
    });

    it('limits a project-scoped developer to its project', async () => {
      await ingestScan(s.store, testUpload([testFinding(1)], {}, 'mine'), 'ci');
      await ingestScan(s.store, testUpload([testFinding(2)], {}, 'theirs'), 'ci');
      const id = async (project: string) =>
        (
          await s.store.db
            .selectFrom('findings')
            .innerJoin('projects', 'projects.id', 'findings.project_id')
            .select('findings.id')
            .where('projects.name', '=', project)
            .executeTakeFirstOrThrow()
        ).id;
      const dev = await s.signIn((await s.user('developer', { project: 'mine' })).email);
      const me = await dev.call('GET', '/api/v1/session');
      expect(me.json.user.projectId).toEqual(expect.any(Number));
      expect((await dev.call('GET', `/api/v1/findings/${await id('mine')}`)).status).toBe(200);
      const other = await dev.call('GET', `/api/v1/findings/${await id('theirs')}`);
      expect([other.status, other.json.error.code]).toEqual([404, 'not_found']);
      const list = await dev.call('GET', '/api/v1/findings?project=theirs');
      expect(list.status).toBe(404);
    });

    it('upgrades a password hash made at a lower cost when its user signs in', async () => {
      const u = await s.user('auditor');
      const weak = await hashPassword(TEST_PASSWORD, { logN: 4, r: 8, p: 1 });
      await s.store.db.updateTable('users').set({ password_hash: weak }).where('id', '=', u.id).execute();
      await s.signIn(u.email);
      const row = await s.store.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
      expect(await verifyPassword(TEST_PASSWORD, row.password_hash)).toBe(true);
      const [event] = (await audit('session.create')).filter((e) => e.target_id === String(u.id));
      expect(JSON.parse(event!.detail)).toEqual({ ip: '127.0.0.1', passwordRehashed: true });
    });
  });

  describe.skipIf(backend.skip)(`session settings and rate limits on ${backend.name}`, () => {
    let s: TestServer;
    let now = Date.now();
    beforeAll(async () => {
      s = await startTestServer(
        backend,
        { rateLimitPerMinute: 4 },
        { auth: { now: () => now, idleMs: 10 * 60_000, lifetimeMs: HOUR } },
      );
    });
    afterAll(async () => s?.close());

    it('takes the idle timeout and lifetime from the server options', async () => {
      const u = await s.user('developer');
      const r = await s.call(undefined, 'POST', '/api/v1/session', {
        email: u.email,
        password: TEST_PASSWORD,
      });
      expect(r.headers.getSetCookie()[0]).toMatch(/; Max-Age=3600;/);
      const cookie = r.headers.getSetCookie()[0]!.split(';')[0]!;
      now += 10 * 60_000 + 1;
      const idle = await s.call(undefined, 'GET', '/api/v1/session', undefined, { cookie });
      expect([idle.status, idle.json.error.message]).toEqual([401, 'the session has ended: sign in again']);
    });

    it('gives each session its own request budget', async () => {
      // A new minute of the limiter: the previous test spent part of this address's budget.
      await s.close();
      s = await startTestServer(backend, { rateLimitPerMinute: 4 }, { auth: { now: () => now } });
      const [a, b] = await Promise.all([s.user('auditor'), s.user('auditor')]);
      const first = await s.signIn(a.email);
      const second = await s.signIn(b.email);
      for (let i = 0; i < 4; i++) expect((await first.call('GET', '/api/v1/session')).status).toBe(200);
      const over = await first.call('GET', '/api/v1/session');
      expect([over.status, over.json.error.code]).toEqual([429, 'rate_limited']);
      expect((await second.call('GET', '/api/v1/session')).status).toBe(200);
      // Sign-in attempts count against the address whatever cookie or token they carry.
      const third = await s.call(
        undefined,
        'POST',
        '/api/v1/session',
        { email: a.email, password: 'x' },
        {
          cookie: second.cookie,
        },
      );
      expect(third.status).toBe(401);
      const fourth = await s.call('gh_made_up', 'POST', '/api/v1/%73ession', {
        email: a.email,
        password: 'x',
      });
      expect(fourth.status).toBe(401);
      const fifth = await s.call(undefined, 'POST', '/api/v1/session', { email: a.email, password: 'x' });
      expect([fifth.status, fifth.json.error.message]).toEqual([
        429,
        expect.stringMatching(/^more than 4 requests a minute/),
      ]);
    });
  });
}
