import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTree } from '../../test/tmp.js';

// scripts/start.mjs (`npm start`) in a stand-in package: a "build" that records each run and a
// "CLI" that prints its arguments, so the real dist/ is never touched.
const START = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));

const BUILD = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
if (process.env.FAIL_BUILD) process.exit(3);
appendFileSync('builds.log', 'build\\n');
mkdirSync('dist/cli', { recursive: true });
mkdirSync('dist/web', { recursive: true });
writeFileSync('dist/cli/main.js', 'console.log(JSON.stringify(process.argv.slice(2)));');
writeFileSync('dist/web/index.html', '<!doctype html>');
`;

const tree = makeTree({
  'package.json': JSON.stringify({ name: 'stand-in', type: 'module', scripts: { build: 'node build.mjs' } }),
  'build.mjs': BUILD,
  'src/cli/main.ts': 'export {};\n',
  'src/cli/main.test.ts': 'export {};\n',
});
mkdirSync(join(tree.root, 'scripts'));
copyFileSync(START, join(tree.root, 'scripts', 'start.mjs'));
afterAll(tree.cleanup);

function start(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(tree.root, 'scripts', 'start.mjs'), ...args], {
    cwd: tree.root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, built: r.stderr.includes('running `npm run build`') };
}

/** Makes files look last written `secondsAgo` seconds ago. */
function age(secondsAgo: number, ...rels: string[]): void {
  const t = Date.now() / 1000 - secondsAgo;
  for (const rel of rels) utimesSync(join(tree.root, rel), t, t);
}
const SOURCES = ['package.json', 'src/cli/main.ts'];
const OUTPUTS = ['dist/cli/main.js', 'dist/web/index.html'];

describe('npm start (scripts/start.mjs)', () => {
  it('builds when dist/ is missing, then runs `gatehouse demo` with the arguments given', () => {
    const r = start(['--port', '9090']);
    expect(r).toMatchObject({ code: 0, built: true });
    expect(JSON.parse(r.stdout)).toEqual(['demo', '--port', '9090']);
  });

  it('does not build again while dist/ is newer than the sources, tests aside', () => {
    age(900, ...SOURCES);
    age(600, ...OUTPUTS);
    age(300, 'src/cli/main.test.ts');
    const r = start([]);
    expect(r).toMatchObject({ code: 0, built: false });
    expect(JSON.parse(r.stdout)).toEqual(['demo']);
  });

  it('builds again when a source changed after the build', () => {
    age(300, 'src/cli/main.ts');
    expect(start([])).toMatchObject({ code: 0, built: true });
    expect(start([])).toMatchObject({ code: 0, built: false });
  });

  it('stops with the build’s exit code, without running the CLI, when the build fails', () => {
    age(600, ...OUTPUTS);
    writeFileSync(join(tree.root, 'src', 'cli', 'new.ts'), 'export {};\n');
    const r = start([], { FAIL_BUILD: '1' });
    expect(r).toMatchObject({ code: 3, built: true, stdout: '' });
  });
});
