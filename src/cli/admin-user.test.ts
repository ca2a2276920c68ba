import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatehouse } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';
import { openStore, type Store } from '../store/connect.js';
import { verifyPassword } from '../store/passwords.js';
import { createSession, DEFAULT_SESSION_POLICY } from '../store/sessions.js';

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

describe('gatehouse admin user reset-password', () => {
  let home: string;
  let cleanup: () => void;
  const env = () => ({ GATEHOUSE_HOME: home, DATABASE_URL: '', USER: 'ops' });
  beforeAll(() => {
    ({ root: home, cleanup } = makeTree({}));
    const made = gatehouse(['admin', 'user', 'create', '--email', 'lead@example.com', '--role', 'admin'], {
      env: env(),
    });
    expect(made.code, made.stderr).toBe(0);
  });
  afterAll(() => cleanup());

  async function withStore<T>(f: (s: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ home });
    try {
      return await f(store);
    } finally {
      await store.close();
    }
  }
  const row = () =>
    withStore((s) =>
      s.db.selectFrom('users').selectAll().where('email', '=', 'lead@example.com').executeTakeFirstOrThrow(),
    );

  it('sets a generated password, unlocks and re-enables the account, ends its sessions, and says so in the audit log', async () => {
    const { id } = await row();
    await withStore(async (s) => {
      await s.db
        .updateTable('users')
        .set({ failed_logins: 10, locked_until: Date.now() + 3_600_000, disabled: 1 })
        .where('id', '=', id)
        .execute();
      await createSession(s.db, id, DEFAULT_SESSION_POLICY, Date.now());
    });
    const r = gatehouse(['admin', 'user', 'reset-password', '--email', 'LEAD@example.com', '--enable'], {
      env: env(),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^[\w-]{24}\n$/);
    expect(r.stderr).toBe(
      'gatehouse: new password set for lead@example.com; the account is unlocked and enabled and its sessions ended; the password is shown only now\n',
    );
    const after = await row();
    expect(after).toMatchObject({ failed_logins: 0, locked_until: null, disabled: 0 });
    expect(await verifyPassword(r.stdout.trim(), after.password_hash)).toBe(true);
    const left = await withStore((s) =>
      s.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute(),
    );
    expect(left).toEqual([]);
    const audit = await withStore((s) =>
      s.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.update').execute(),
    );
    expect(audit.map((e) => [e.actor, JSON.parse(e.detail)])).toEqual([
      [
        'cli:ops',
        {
          email: 'lead@example.com',
          disabled: { from: true, to: false },
          passwordReset: true,
          sessionsEnded: 1,
        },
      ],
    ]);
    expect(JSON.stringify(audit)).not.toContain(r.stdout.trim());
  });

  it('reads the new password from standard input; refuses an unknown user or a short password', async () => {
    const ok = gatehouse(
      ['admin', 'user', 'reset-password', '--email', 'lead@example.com', '--password-stdin'],
      {
        env: env(),
        input: 'a brand new passphrase\n',
      },
    );
    expect([ok.code, ok.stdout], ok.stderr).toEqual([0, '']);
    expect(await verifyPassword('a brand new passphrase', (await row()).password_hash)).toBe(true);
    const unknown = gatehouse(['admin', 'user', 'reset-password', '--email', 'nobody@example.com'], {
      env: env(),
    });
    expect([unknown.code, unknown.stdout]).toEqual([2, '']);
    expect(unknown.stderr).toContain('no user with e-mail nobody@example.com');
    const short = gatehouse(
      ['admin', 'user', 'reset-password', '--email', 'lead@example.com', '--password-stdin'],
      {
        env: env(),
        input: 'short\n',
      },
    );
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    expect(await verifyPassword('a brand new passphrase', (await row()).password_hash)).toBe(true);
  });
});
