import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';
import { discover } from './discover.js';

const opts = { exclude: [] as string[], maxFileSize: 1024 * 1024, respectGitignore: true };
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function tree(files: Record<string, string | Buffer>) {
  const t = makeTree(files);
  cleanups.push(t.cleanup);
  return t.root;
}
const paths = (root: string, o = opts) => discover(root, o).files.map((f) => f.path);

describe('discover', () => {
  it('lists files sorted with POSIX relative paths and sizes', () => {
    const root = tree({ 'b.txt': 'bb', 'a/c.txt': 'c', 'a/b/d.txt': 'ddd' });
    const d = discover(root, opts);
    expect(d.files.map((f) => [f.path, f.size])).toEqual([
      ['a/b/d.txt', 3],
      ['a/c.txt', 1],
      ['b.txt', 2],
    ]);
    expect(d.bytes).toBe(6);
  });

  it('respects nested .gitignore files and never enters .git', () => {
    const root = tree({
      '.gitignore': 'dist/\n*.log\n',
      'dist/out.js': 'x',
      'app.log': 'x',
      'src/.gitignore': 'generated.ts\n!keep.log\n',
      'src/generated.ts': 'x',
      'src/main.ts': 'x',
      'other/generated.ts': 'x',
      '.git/config': 'x',
    });
    expect(paths(root)).toEqual(['.gitignore', 'other/generated.ts', 'src/.gitignore', 'src/main.ts']);
  });

  it('applies config excludes as globs', () => {
    const root = tree({ 'vendor/lib.js': 'x', 'src/a.min.js': 'x', 'src/a.js': 'x' });
    expect(paths(root, { ...opts, exclude: ['vendor/**', '**/*.min.js'] })).toEqual(['src/a.js']);
  });

  it('skips files over the size limit with a diagnostic naming the file', () => {
    const root = tree({ 'big.txt': 'x'.repeat(2000), 'small.txt': 'x' });
    const d = discover(root, { ...opts, maxFileSize: 1000 });
    expect(d.files.map((f) => f.path)).toEqual(['small.txt']);
    expect(d.diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', path: 'big.txt' })]);
    expect(d.skipped).toBe(1);
  });

  it('does not follow symlinks: no loops, nothing outside the root', () => {
    const outside = tree({ 'secret.txt': 'outside' });
    const root = tree({ 'a/file.txt': 'x' });
    symlinkSync(root, join(root, 'a', 'loop'));
    symlinkSync(outside, join(root, 'escape'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'escape.txt'));
    expect(paths(root)).toEqual(['a/file.txt']);
  });

  it('reports an unreadable directory and goes on', () => {
    const root = tree({ 'ok.txt': 'x', 'locked/inner.txt': 'x' });
    chmodSync(join(root, 'locked'), 0o000);
    try {
      const d = discover(root, opts);
      expect(d.files.map((f) => f.path)).toContain('ok.txt');
      if (process.getuid?.() !== 0) {
        expect(d.diagnostics).toEqual([expect.objectContaining({ code: 'read-error', path: 'locked' })]);
      }
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('takes a single file as the target', () => {
    const root = tree({ 'app.env': 'A=1' });
    const d = discover(join(root, 'app.env'), opts);
    expect(d.files).toEqual([expect.objectContaining({ path: 'app.env', size: 3 })]);
  });

  it('handles names with spaces, unicode and invalid UTF-8 bytes', () => {
    const root = tree({ 'sp ace/ü.txt': 'x' });
    const bad = Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x74]).toString('latin1');
    mkdirSync(join(root, 'raw'));
    writeFileSync(Buffer.from(join(root, 'raw', bad), 'latin1'), 'x');
    const d = discover(root, opts);
    expect(d.files.map((f) => f.path)).toEqual(['sp ace/ü.txt']);
    expect(d.diagnostics).toEqual([expect.objectContaining({ code: 'invalid-file-name' })]);
  });
});
