import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../../test/cli.js';
import { renderGate } from './gate.js';

const TOKEN = 'gh_ci_g4t3T0k3nV4lu3';
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

const FAIL = {
  verdict: 'fail',
  scanId: 42,
  reasons: [
    { rule: 'fail_on', message: '2 critical findings are open', findings: 2 },
    { rule: 'sla_overdue', message: '1 high finding is past its SLA due date', findings: 1 },
  ],
  counts: { open: 9, bySeverity: { critical: 2, high: 3 } },
};

let server: Server;
let base: string;
let requests: { path: string; query: URLSearchParams; headers: IncomingMessage['headers'] }[] = [];
let answer: (res: ServerResponse) => void;
const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname, query: url.searchParams, headers: req.headers });
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  requests = [];
});

const CI_VARS = ['GITHUB_ACTIONS', 'GITLAB_CI', 'CIRCLECI', 'JENKINS_URL', 'JENKINS_HOME', 'BUILD_TAG'];

function gate(args: string[], env: Record<string, string> = { GATEHOUSE_TOKEN: TOKEN }): Promise<CliRun> {
  const clean = { ...process.env };
  for (const k of [...CI_VARS, 'GATEHOUSE_TOKEN']) delete clean[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'gate', ...args], {
      env: { ...clean, CI: 'true', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('gatehouse gate', () => {
  it('exits 1 on fail and prints every reason', async () => {
    answer = (res) => json(res, 200, FAIL);
    const r = await gate(['--server', base, '--project', 'payments', '--branch', 'main', '--commit', 'abc']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'Gate: FAIL — project payments, branch main, commit abc (scan #42)',
        '  - fail_on: 2 critical findings are open (2 findings)',
        '  - sla_overdue: 1 high finding is past its SLA due date (1 finding)',
        'Counts: open 9, bySeverity.critical 2, bySeverity.high 3',
        '',
      ].join('\n'),
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]!.path).toBe('/api/v1/gate');
    expect(Object.fromEntries(requests[0]!.query)).toEqual({
      project: 'payments',
      branch: 'main',
      commit: 'abc',
    });
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it.each(['pass', 'warn'])('exits 0 on %s', async (verdict) => {
    answer = (res) => json(res, 200, { verdict, scanId: 3, reasons: [], counts: {} });
    const r = await gate(['--server', base, '--project', 'payments']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Gate: ${verdict.toUpperCase()} — project payments (scan #3)`);
    expect(Object.fromEntries(requests[0]!.query)).toEqual({ project: 'payments' });
  });

  it("asks about the CI pipeline's branch and commit unless told otherwise", async () => {
    answer = (res) => json(res, 200, { verdict: 'pass', scanId: null, reasons: [], counts: {} });
    const env = {
      GATEHOUSE_TOKEN: TOKEN,
      GITLAB_CI: 'true',
      CI_COMMIT_REF_NAME: 'main',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/z',
      CI_COMMIT_SHA: 'deadbeef',
    };
    const r = await gate(['--server', base, '--project', 'p'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(no scan uploaded yet)');
    expect(Object.fromEntries(requests[0]!.query)).toEqual({
      project: 'p',
      branch: 'feature/z',
      commit: 'deadbeef',
    });
    await gate(['--server', base, '--project', 'p', '--branch', 'main'], env);
    expect(requests[1]!.query.get('branch')).toBe('main');
  });

  it('prints the server answer with --format json', async () => {
    answer = (res) => json(res, 200, FAIL);
    const r = await gate(['--server', base, '--project', 'payments', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(FAIL);
  });

  it('exits 2 with the server message on an error, never showing the token', async () => {
    answer = (res) =>
      json(res, 403, {
        error: { code: 'forbidden', message: `token ${TOKEN} cannot read project payments` },
      });
    const r = await gate(['--server', base, '--project', 'payments']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `gatehouse: error: gate refused by ${base} (403 forbidden): token [token] cannot read project payments`,
    );
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
  });

  it('exits 2 on an answer without a verdict', async () => {
    answer = (res) => json(res, 200, { verdict: 'maybe' });
    const r = await gate(['--server', base, '--project', 'payments']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('answered without a verdict');
  });

  it('exits 2 without a token, a server or a project, asking nothing', async () => {
    expect((await gate(['--server', base, '--project', 'p'], {})).stderr).toContain(
      'gate needs a token in GATEHOUSE_TOKEN',
    );
    expect((await gate(['--project', 'p'])).code).toBe(2);
    expect((await gate(['--server', base])).code).toBe(2);
    expect(requests).toHaveLength(0);
  });
});

describe('renderGate', () => {
  it('keeps server text on one line without control characters', () => {
    const text = renderGate(
      {
        verdict: 'warn',
        scanId: 1,
        reasons: [{ rule: 'x\x1b[2J', message: 'two\nlines' }],
        counts: { list: [1], note: 'n' },
      },
      { project: 'p', commit: '0123456789abcdef0123' },
    );
    expect(text).toBe('Gate: WARN — project p, commit 0123456789ab (scan #1)\n  - x [2J: two lines\n');
  });
});
