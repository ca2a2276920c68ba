import { describe, expect, it } from 'vitest';
import { adminConsoleExposed } from './admin-console-exposed.js';
import { siteContext, text } from './testing/fake-site.js';

const page = (title: string, body: string) =>
  text(
    `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`,
    'text/html',
  );

const USERS =
  '<table><tr><td>ann@example.invalid</td><td>admin</td><td><form method="post"><input type="hidden" name="delete" value="ann"><button>Delete user</button></form></td></tr></table>';

describe('admin-console-exposed', () => {
  it('confirms an unauthenticated administration page', async () => {
    const hits = await adminConsoleExposed.run(
      await siteContext({ '/admin/': page('Administration', USERS) }),
    );
    expect(hits).toHaveLength(1);
    expect(hits[0]?.confidence).toBe('medium');
    expect(hits[0]?.evidence).toBe('"Administration" with actions: delete');
  });

  it('confirms known consoles by their own markup', async () => {
    const tomcat = page('/manager', '<p>Tomcat Web Application Manager</p>');
    const jenkins = page(
      'Script Console [Jenkins]',
      '<h2>Script Console</h2><form method="post"><textarea name="script"></textarea></form>',
    );
    const hits = await adminConsoleExposed.run(
      await siteContext({ '/manager/html': tomcat, '/script': jenkins }),
    );
    expect(hits.map((h) => h.confidence)).toEqual(['high', 'high']);
  });

  it('does not report login pages, 401s, read-only pages or soft-404s', async () => {
    const login = page(
      'Administration',
      '<form method="post"><input name="user"><input type="password" name="pw"><button>Delete session</button></form>',
    );
    const readOnly = page('Admin dashboard', '<p>Orders today: 12</p>');
    const blog = page('How we built our dashboard', '<p>We delete old posts.</p>');
    for (const answer of [login, readOnly, blog, { status: 401, ...page('Administration', USERS) }])
      expect(await adminConsoleExposed.run(await siteContext({ '/admin/': answer }))).toEqual([]);
    const pmaLogin = page(
      'phpMyAdmin',
      '<form method="post"><input name="pma_username"><input type="password" name="pma_password"></form>',
    );
    expect(await adminConsoleExposed.run(await siteContext({ '/phpmyadmin/': pmaLogin }))).toEqual([]);
    expect(await adminConsoleExposed.run(await siteContext({}))).toEqual([]);
  });
});
