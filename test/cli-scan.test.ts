import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatehouse } from './cli.js';
import { makeTree } from './tmp.js';

// Real-format, made-up credentials.
const AWS_KEY = 'AKIA4HXJ7QW2ZL5MPK3R';
const PASSWORD = 'Vq7#mK2p!xR9zL';
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});
function tree(files: Record<string, string | Buffer>): string {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  return t.root;
}
const leaky = () =>
  tree({
    'src/app.js': 'const x = 1;\n',
    'deploy/prod.env': `REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\nDB_PASSWORD=${PASSWORD}\n`,
  });

describe('gatehouse scan', () => {
  it('exits 0 on a clean directory', () => {
    const r = gatehouse(['scan', tree({ 'a.js': 'console.log(1)\n', 'README.md': '# hi\n' })]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASS');
  });

  it('exits 1 on a live-format secret and shows it redacted with file and line', () => {
    const r = gatehouse(['scan', leaky()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('deploy/prod.env:2');
    expect(r.stdout).toContain('AKIA…');
    expect(r.stdout).toContain('FAIL');
    expect(r.stdout + r.stderr).not.toContain(AWS_KEY);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });

  it.each(['json', 'sarif', 'junit', 'markdown', 'github', 'table'])(
    'never writes the secret in %s output',
    (format) => {
      const root = leaky();
      const out = join(root, `report.${format}`);
      const r = gatehouse(['scan', root, '--format', format, '--output', out, '--exclude', `report.*`]);
      expect(r.code).toBe(1);
      const text = readFileSync(out, 'utf8');
      expect(text).not.toContain(AWS_KEY);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(AWS_KEY.slice(4));
    },
  );

  it('lowers the bar with --fail-on', () => {
    expect(gatehouse(['scan', leaky(), '--fail-on', 'critical']).code).toBe(0);
    expect(gatehouse(['scan', leaky(), '--fail-on', 'none']).code).toBe(0);
  });

  it('passes with a baseline that holds every finding, and fails again on a new one', () => {
    const root = leaky();
    const base = join(root, '..', `${root.split('/').pop()}-baseline.json`);
    expect(gatehouse(['scan', root, '--format', 'json', '--output', base]).code).toBe(1);
    expect(gatehouse(['scan', root, '--baseline', base]).code).toBe(0);
    writeFileSync(join(root, 'new.env'), 'AWS_ACCESS_KEY_ID=AKIA2MDX5RT7QW3ZJ6PB\n');
    const r = gatehouse(['scan', root, '--baseline', base]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('new.env');
  });

  it('honours an exception in gatehouse.yml, and says when it expired', () => {
    const root = leaky();
    const rules = (expires: string) =>
      `exceptions:\n  - rule: "secrets/*"\n    path: "deploy/**"\n    reason: staging-only keys\n    approver: sec-team\n    expires: "${expires}"\n`;
    writeFileSync(join(root, 'gatehouse.yml'), rules('2999-01-01'));
    expect(gatehouse(['scan', root]).code).toBe(0);
    writeFileSync(join(root, 'gatehouse.yml'), rules('2020-01-01'));
    const r = gatehouse(['scan', root]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expired/i);
  });

  it('exits 2 with the key named for a bad config', () => {
    const root = tree({ 'gatehouse.yml': 'gate:\n  fail_on: hgh\n' });
    const r = gatehouse(['scan', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('gate.fail_on');
  });

  it('exits 2 for usage errors: unknown option, scanner, format, missing path', () => {
    expect(gatehouse(['scan', '--nope']).code).toBe(2);
    expect(gatehouse(['scan', '.', '--scanners', 'nope']).stderr).toContain("unknown scanner 'nope'");
    expect(gatehouse(['scan', '.', '--format', 'pdf']).code).toBe(2);
    const r = gatehouse(['scan', '/does/not/exist']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/does/not/exist');
  });

  it('survives hostile input and scans the rest', () => {
    const root = tree({
      'ok.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
      'latin1.txt': Buffer.concat([Buffer.from([0xe9, 0xff, 0xfe, 0x0a]), Buffer.from(`pw: ${PASSWORD}\n`)]),
      'blob.txt': Buffer.concat([
        Buffer.from([0, 1, 2, 0]),
        Buffer.from(`ghp_R8yQz3LmW5vKc9PxT2nB7sJd4HfG6aE1uXoY`),
      ]),
      'noread.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`,
      'loop/.keep': '',
    });
    symlinkSync(root, join(root, 'loop', 'again'));
    // 200 MB on one line, well past the default max_file_size.
    execFileSync('sh', ['-c', `head -c 209715200 /dev/zero | tr '\\0' 'a' > "${join(root, 'huge.min.js')}"`]);
    chmodSync(join(root, 'noread.env'), 0o000);
    // Root reads anything: run as nobody so the unreadable file really is unreadable.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(root, 0o755);
    const r = gatehouse(
      ['scan', root, '--format', 'json'],
      asRoot ? { uid: 65534, env: { HOME: '/tmp' } } : {},
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { location: { path: string } }[];
      diagnostics: { code: string; path?: string }[];
    };
    expect(report.findings.map((f) => f.location.path)).toContain('ok.env');
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'file-too-large', path: 'huge.min.js' }),
        expect.objectContaining({ code: 'read-error', path: 'noread.env' }),
        expect.objectContaining({ code: 'binary-file', path: 'blob.txt' }),
      ]),
    );
  });

  it('scans the git history once per secret, with commit and author', () => {
    const root = tree({ 'README.md': 'hello\n' });
    const git = (...a: string[]) =>
      execFileSync('git', ['-C', root, ...a], {
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Ann',
          GIT_AUTHOR_EMAIL: 'ann@example.com',
          GIT_COMMITTER_NAME: 'Ann',
          GIT_COMMITTER_EMAIL: 'ann@example.com',
        },
      });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'init');
    writeFileSync(join(root, 'config.env'), `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
    git('add', '.');
    git('commit', '-qm', 'add config');
    const first = git('rev-parse', 'HEAD').toString().trim();
    for (let i = 0; i < 5; i++) {
      writeFileSync(join(root, 'config.env'), `AWS_ACCESS_KEY_ID=${AWS_KEY}\nN=${i}\n`);
      git('commit', '-qam', `tweak ${i}`);
    }
    execFileSync('rm', [join(root, 'config.env')]);
    git('commit', '-qam', 'remove the key');
    expect(gatehouse(['scan', root]).code).toBe(0);
    const r = gatehouse(['scan', root, '--git-history', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { ruleId: string; location: { path: string; commit?: { sha: string; author: string } } }[];
    };
    const aws = report.findings.filter((f) => f.ruleId === 'secrets/aws-access-key-id');
    expect(aws).toHaveLength(1);
    expect(aws[0]!.location.commit).toMatchObject({ sha: first, author: 'Ann' });
    expect(r.stdout).not.toContain(AWS_KEY);
  });

  it('reports --git-history outside a repository as an error', () => {
    const r = gatehouse(['scan', tree({ 'a.txt': 'x' }), '--git-history']);
    expect(r.stdout + r.stderr).toContain('not a git repository');
  });
});
