import { execFileSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatehouse } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';
import { parseDiff } from './changed-since.js';

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});

const HEAD = `const { exec } = require('child_process');
app.get('/a', (req, res) => {
  exec('ping ' + req.query.a);
});
function run(cmd) {
  exec(cmd);
}
`;

/** A git repository with one commit of app.js and old.js, then app.js changed and new.js added. */
function repo(): string {
  const t = makeTree({ 'app.js': HEAD, 'old.js': HEAD });
  cleanups.push(t.cleanup);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: t.root });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'base');
  appendFileSync(
    join(t.root, 'app.js'),
    "app.get('/b', (req, res) => {\n  exec('dig ' + req.query.b);\n});\n",
  );
  appendFileSync(join(t.root, 'app.js'), "app.get('/c', (req, res) => run(req.body.c));\n");
  writeFileSync(join(t.root, 'new.js'), HEAD);
  return t.root;
}

function findings(args: string[]): string[] {
  const r = gatehouse(['scan', ...args, '--scanners', 'sast', '--format', 'json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).findings.map(
    (f: { location: { path: string; startLine: number } }) => `${f.location.path}:${f.location.startLine}`,
  );
}

describe('gatehouse scan --changed-since', () => {
  it('analyses changed and new files only, and reports findings on changed lines or fed from them', () => {
    const root = repo();
    // app.js:9 is new; app.js:6 is old code reached by the new line 11; new.js is untracked.
    expect(findings([root, '--changed-since', 'HEAD']).sort()).toEqual(['app.js:6', 'app.js:9', 'new.js:3']);
    expect(findings([root, '--changed-since', 'HEAD', '--all-lines']).sort()).toEqual([
      'app.js:3',
      'app.js:6',
      'app.js:9',
      'new.js:3',
    ]);
  });

  it('says what it left out, and refuses a ref that is not a commit', () => {
    const root = repo();
    const r = gatehouse(['scan', root, '--scanners', 'sast', '--format', 'json', '--changed-since', 'HEAD']);
    const note = JSON.parse(r.stdout).diagnostics.find((d: { code: string }) => d.code === 'changed-since');
    expect(note.message).toBe(
      'diff-aware scan since HEAD: 2 changed files; 1 findings outside changed lines left out',
    );
    const bad = gatehouse(['scan', root, '--changed-since', 'no-such-branch']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--changed-since: 'no-such-branch' is not a commit here");
  });

  it('reads added and changed lines from a zero-context diff', () => {
    const diff = [
      'diff --git a/src/a.js b/src/a.js',
      '--- a/src/a.js',
      '+++ b/src/a.js',
      '@@ -3 +3 @@',
      '@@ -10,0 +11,4 @@',
      '@@ -20,2 +24,0 @@',
      '+++ b/src/b c.js',
      '@@ -0,0 +1,2 @@',
    ].join('\n');
    expect(Object.fromEntries(parseDiff(diff))).toEqual({
      'src/a.js': [
        [3, 3],
        [11, 14],
      ],
      'src/b c.js': [[1, 2]],
    });
  });
});
