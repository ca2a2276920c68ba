import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatehouse } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';
import { openStore, type Store } from '../store/connect.js';
import { verifyPassword } from '../store/passwords.js';

describe('gatehouse admin user create', () => {
  let home: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ root: home, cleanup } = makeTree({}));
  });
  afterAll(() => cleanup());

  const run = (args: string[], input?: string) =>
    gatehouse(['admin', 'user', 'create', ...args], {
      env: { GATEHOUSE_HOME: home, DATABASE_URL: '', USER: 'ops' },
      ...(input !== undefined ? { input } : {}),
    });
  async function withStore<T>(f: (s: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ home });
    try {
      return await f(store);
    } finally {
      await store.close();
    }
  }
  const user = (email: string) =>
    withStore((s) => s.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst());

  it('generates a password, prints it once on stdout, stores only its scrypt hash', async () => {
    const r = run(['--email', 'Root@Example.com', '--role', 'admin', '--name', 'Root']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]{24}\n$/);
    const password = r.stdout.trim();
    expect(r.stderr).toBe('gatehouse: created admin user root@example.com; the password is shown only now\n');
    const row = await user('root@example.com');
    expect(row).toMatchObject({ name: 'Root', role: 'admin', project_id: null, disabled: 0 });
    expect(row!.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect(await verifyPassword(password, row!.password_hash)).toBe(true);
    const audit = await withStore((s) =>
      s.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.create').execute(),
    );
    expect(audit.map((e) => [e.actor, JSON.parse(e.detail)])).toEqual([
      ['cli:ops', { email: 'root@example.com', role: 'admin', projectId: null }],
    ]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('reads the password from standard input and limits the user to a project', async () => {
    const r = run(
      ['--email', 'dev@example.com', '--role', 'developer', '--project', 'payments', '--password-stdin'],
      'my own long passphrase\n',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('gatehouse: created developer user dev@example.com for project payments\n');
    const row = await user('dev@example.com');
    expect(row!.name).toBe('dev');
    expect(await verifyPassword('my own long passphrase', row!.password_hash)).toBe(true);
    const project = await withStore((s) =>
      s.db.selectFrom('projects').select('id').where('name', '=', 'payments').executeTakeFirstOrThrow(),
    );
    expect(row!.project_id).toBe(project.id);
  });

  it('refuses a taken e-mail, a short password, a bad address and the ci role, creating nothing', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ['--email', 'ROOT@example.com', '--role', 'auditor'],
        undefined,
        /a user with e-mail root@example.com exists/,
      ],
      [
        ['--email', 'x@example.com', '--role', 'auditor', '--password-stdin'],
        'too short\n',
        /at least 12 characters/,
      ],
      [
        ['--email', 'not-an-address', '--role', 'auditor'],
        undefined,
        /--email not-an-address: not an e-mail address/,
      ],
      [
        ['--email', 'x@example.com', '--role', 'ci'],
        undefined,
        /Allowed choices are admin, security, developer, auditor/,
      ],
    ];
    for (const [args, input, message] of cases) {
      const r = run(args, input);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
    const emails = await withStore((s) =>
      s.db.selectFrom('users').select('email').orderBy('email').execute(),
    );
    expect(emails.map((e) => e.email)).toEqual(['dev@example.com', 'root@example.com']);
  });
});
