import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, gatehouse } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';
import { makeZip } from '../vulndb/test-zip.js';

const CORPUS = fileURLToPath(new URL('../../test/fixtures/sca/vulndb/corpus', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

let cache: string;
let cleanup: () => void;
let server: Server;
let mirror: string;

beforeAll(async () => {
  ({ root: cache, cleanup } = makeTree({}));
  server = createServer((req, res) => {
    if (req.url === '/osv/npm/all.zip') {
      const data = JSON.stringify({
        id: 'GHSA-9',
        modified: '2024-01-01T00:00:00Z',
        affected: [{ package: { ecosystem: 'npm', name: 'x' } }],
      });
      res.end(makeZip([{ name: 'GHSA-9.json', data }]));
    } else {
      res.writeHead(404, 'Not Found').end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/osv`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  cleanup();
});

const env = () => ({ GATEHOUSE_CACHE_DIR: join(cache, 'cache') });
const run = (...args: string[]) => gatehouse(['db', ...args], { env: env() });

/** Like `gatehouse`, without blocking this process: the test's HTTP server must keep answering. */
function runAsync(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'db', ...args], {
      env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env() },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const status = () =>
  JSON.parse(run('status', '--format', 'json').stdout) as {
    ecosystems: { ecosystem: string; advisories: number }[];
  };

describe('gatehouse db', () => {
  it('says an empty database is empty and how to fill it', () => {
    const r = run('status');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is empty\.\nRun `gatehouse db update`/);
  });

  it('imports a folder of mixed formats and reports what it did', () => {
    const r = run('import', CORPUS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Imported 18 advisories from 14 files in [\d.]+ s: 18 new, 0 updated, 0 unchanged\.$/m,
    );
    expect(r.stdout).toMatch(/^Left out 1: Rust toolchain advisory, not a crates.io package\.$/m);
    expect(r.stdout).toContain(`Database: ${join(cache, 'cache', 'vulndb.sqlite')}`);
    const table = run('status');
    expect(table.stdout).toMatch(/^crates\.io\s+3\s+\d{4}-\d\d-\d\d\s+just now\s+/m);
    expect(status().ecosystems.map((e) => [e.ecosystem, e.advisories])).toEqual([
      ['Alpine', 8],
      ['Go', 1],
      ['PyPI', 1],
      ['crates.io', 3],
      ['npm', 5],
    ]);
  });

  it('with --strict, refuses a bad file, names it, and changes nothing', () => {
    const { root, cleanup: done } = makeTree({
      'a/ok.json': '{"id": "A-1", "modified": "2024-01-01T00:00:00Z"}',
      'a/bad.json': '{"id": ',
    });
    try {
      const before = status();
      const strict = run('import', '--strict', join(root, 'a'));
      expect(strict.code).toBe(2);
      expect(strict.stderr).toMatch(/gatehouse: error: .*bad\.json: not valid JSON/);
      expect(strict.stderr).toMatch(/hint: nothing was imported \(--strict\)/);
      expect(status()).toEqual(before);
      const lenient = run('import', join(root, 'a'));
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toMatch(
        /warning: 1 malformed files or records were skipped:\n {2}.*bad\.json: not valid JSON/,
      );
    } finally {
      done();
    }
  });

  it('exits 2 with a clear message on usage errors', () => {
    const missing = run('import', '/no/such/dump.zip');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\/no\/such\/dump\.zip: no such file or directory/);
    expect(run('status', '--format', 'xml').code).toBe(2);
    expect(run('import').code).toBe(2);
  });

  it('updates from a mirror, and fails cleanly on a missing ecosystem', async () => {
    const ok = await runAsync('update', '--ecosystem', 'npm', '--mirror', mirror);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Downloaded 1 dump\(s\)/m);
    expect(ok.stdout).toMatch(/^Imported 1 advisories from 1 files/m);
    const missing = await runAsync('update', '--ecosystem', 'npm', 'Nope', '--mirror', mirror);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot download the Nope advisories: .*HTTP 404 Not Found/);
    expect(missing.stderr).toMatch(/hint: is 'Nope' spelled as OSV spells it/);
    const bad = await runAsync('update', '--timeout', 'soon', '--mirror', mirror);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--timeout 'soon' is not a number of seconds/);
  });
});
