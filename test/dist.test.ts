import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../src/scanners/secrets/detectors/index.js';
import { makeTree } from './tmp.js';

/**
 * The shipped artifact: the bundled CLI in dist/ (npm ci builds it), run as users run it. The
 * other tests run the TypeScript sources; this one catches what only bundling can break
 * (paths computed from a module's location, worker entry points, lazily loaded chunks).
 */
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const built = existsSync(CLI);

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      GATEHOUSE_CACHE_DIR: join(ROOT, 'bench', '.work', 'dist-test-cache'),
    },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!built)('the built CLI (dist/)', () => {
  it('is executable, as npx runs it', () => {
    expect(statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it('prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
  });

  it('scans the example with every offline scanner', () => {
    const r = run(['scan', 'examples/vulnerable-app', '--scanners', 'secrets,sca,iac', '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as {
      findings: { scanner: string }[];
      scanners: { status: string }[];
    };
    expect(report.findings.some((f) => f.scanner === 'secrets')).toBe(true);
    expect(report.scanners.every((s) => s.status !== 'failed')).toBe(true);
  });

  it('scans a tree large enough for the secrets worker threads', () => {
    const line = 'const config = { retries: 3, endpoint: "https://api.example.com/v1/items" };\n';
    const leak = DETECTORS.find((d) => d.id === 'stripe-secret-key')!.examples.positive[0]!;
    const files: Record<string, string> = { 'leak.env': `${leak}\n` };
    for (let i = 0; i < 20; i++) files[`src/f${i}.js`] = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const tree = makeTree(files);
    try {
      const r = run(['scan', tree.root, '--scanners', 'secrets', '--format', 'json']);
      const report = JSON.parse(r.stdout) as {
        findings: { location: { path: string } }[];
        diagnostics: unknown[];
      };
      expect(report.diagnostics).toEqual([]);
      expect(report.findings.map((f) => f.location.path)).toContain('leak.env');
    } finally {
      tree.cleanup();
    }
  });

  it('lists the rules of every scanner and writes an SBOM', () => {
    const rules = JSON.parse(run(['rules', 'list', '--format', 'json']).stdout) as { scanner: string }[];
    expect(new Set(rules.map((r) => r.scanner))).toEqual(
      new Set(['secrets', 'sca', 'iac', 'sast', 'container', 'dast']),
    );
    expect(run(['sbom', 'examples/vulnerable-app']).code).toBe(0);
  });
});

describe.skipIf(!built)("Gatehouse's own server, scanned by its own DAST", () => {
  it('shows nothing but the HSTS header a plain-HTTP loopback server cannot mean', async () => {
    const home = makeTree({});
    const port = await freePort();
    const server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
      env: { ...process.env, GATEHOUSE_HOME: home.root, CI: 'true' },
      stdio: 'ignore',
    });
    try {
      const url = `http://127.0.0.1:${port}/`;
      for (
        let i = 0;
        i < 100 &&
        !(await fetch(url).then(
          (r) => r.ok,
          () => false,
        ));
        i++
      )
        await sleep(100);
      const r = await runAsync([
        'dast',
        url,
        '--rate',
        '100/s',
        '--format',
        'json',
        '--fail-on',
        'none',
        '-c',
        '/dev/null',
      ]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as { findings: { ruleId: string; confidence: string }[] };
      expect(report.findings.map((f) => `${f.ruleId} ${f.confidence}`)).toEqual(['dast/hsts-missing low']);
    } finally {
      server.kill();
      home.cleanup();
    }
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The CLI without blocking this process's event loop (the server runs beside it). */
function runAsync(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
