import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../../test/cli.js';
import { makeTree } from '../../test/tmp.js';
import { UserError } from '../core/errors.js';
import { parseServerUrl, tokenFromEnv, type UploadOptions, uploadReport } from './upload.js';

const TOKEN = 'gh_ci_3x4mpl3T0k3nV4lu3';
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const AWS_KEY = 'AKIA4HXJ7QW2ZL5MPK3R';

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
type Handler = (req: Recorded, res: ServerResponse) => void;

/** A stand-in for the server: records every request and answers with the handler of the test. */
let server: Server;
let base: string;
let requests: Recorded[] = [];
let handler: Handler;

const scanAnswer = (over: object = {}) => ({
  scan: {
    id: 7,
    project: 'payments',
    url: `${base}/scans/7`,
    duplicate: false,
    findings: 2,
    new: 2,
    reopened: 0,
    fixed: 1,
    ...over,
  },
});
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
const error = (res: ServerResponse, status: number, code: string, message: string) =>
  json(res, status, { error: { code, message } });
const created: Handler = (_req, res) => json(res, 201, scanAnswer());

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const rec = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(rec);
      handler(rec, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  requests = [];
  handler = created;
});

const opts = (over: Partial<UploadOptions> = {}): UploadOptions => ({
  url: base,
  project: 'payments',
  token: TOKEN,
  context: {
    repository: 'https://github.com/acme/payments',
    branch: 'main',
    commit: 'abc123',
    pipelineId: '99',
    stage: 'test',
  },
  complete: true,
  backoffMs: 10,
  ...over,
});
const body = (r: Recorded) => gunzipSync(r.body).toString('utf8');

async function rejection(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

describe('uploadReport', () => {
  it('POSTs the gzip-compressed report with the token and the context, and returns the scan', async () => {
    handler = created;
    const report = `${JSON.stringify({ schemaVersion: '1.1', note: 'é ✓ — ünïcode', pad: 'x'.repeat(100_000) })}\n`;
    const scan = await uploadReport(report, opts());
    expect(scan).toEqual(scanAnswer().scan);
    expect(requests).toHaveLength(1);
    const r = requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/api/v1/scans');
    expect(Object.fromEntries(r.query)).toEqual({
      project: 'payments',
      branch: 'main',
      commit: 'abc123',
      repository: 'https://github.com/acme/payments',
      pipeline: '99',
      stage: 'test',
      complete: 'true',
    });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(r.headers['user-agent']).toMatch(/^gatehouse\//);
    expect(r.body.length).toBeLessThan(report.length / 10);
    expect(body(r)).toBe(report);
  });

  it('sends complete=false for a diff scan, leaves out what is unknown, keeps a path prefix', async () => {
    await uploadReport('{}', opts({ url: `${base}/gatehouse/`, complete: false, context: {} }));
    const r = requests[0]!;
    expect(r.path).toBe('/gatehouse/api/v1/scans');
    expect(Object.fromEntries(r.query)).toEqual({ project: 'payments', complete: 'false' });
  });

  it('says when the report was uploaded before', async () => {
    handler = (_req, res) => json(res, 200, scanAnswer({ duplicate: true, new: 0, fixed: 0 }));
    expect((await uploadReport('{}', opts())).duplicate).toBe(true);
  });

  it('retries 502/503/504 with the same body, then succeeds', async () => {
    const statuses = [503, 502];
    handler = (_req, res) => {
      const s = statuses.shift();
      if (s) res.writeHead(s).end('busy');
      else json(res, 201, scanAnswer());
    };
    const scan = await uploadReport('{"a":1}', opts());
    expect(scan.id).toBe(7);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.body.toString('base64'))).size).toBe(1);
  });

  it('gives up after 3 tries and shows the last answer', async () => {
    handler = (_req, res) => error(res, 504, 'gateway_timeout', 'upstream timed out');
    const e = await rejection(uploadReport('{}', opts()));
    expect(requests).toHaveLength(3);
    expect(e.message).toBe(`upload refused by ${base} (504 gateway_timeout): upstream timed out`);
  });

  it('waits as long as a 429 asks before trying again', async () => {
    let first = true;
    handler = (_req, res) => {
      if (first)
        json(res, 429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'retry-after': '1' });
      else json(res, 201, scanAnswer());
      first = false;
    };
    const started = Date.now();
    await uploadReport('{}', opts());
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(requests).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    let drop = true;
    handler = (_req, res) => {
      if (drop) res.socket?.destroy();
      else json(res, 201, scanAnswer());
      drop = false;
    };
    expect((await uploadReport('{}', opts())).id).toBe(7);
    expect(requests).toHaveLength(2);
  });

  it('says the server cannot be reached after 3 tries', async () => {
    const port = await deadPort();
    const e = await rejection(uploadReport('{}', opts({ url: `http://127.0.0.1:${port}` })));
    expect(e.message).toBe(`upload: cannot reach http://127.0.0.1:${port}: ECONNREFUSED (3 tries)`);
    expect(e.hint).toMatch(/server is up/);
  });

  it('times out a server that does not answer', async () => {
    handler = () => {};
    const e = await rejection(uploadReport('{}', opts({ timeoutMs: 200, attempts: 2 })));
    expect(e.message).toBe(`upload: no answer from ${base} within 0.2 s (2 tries)`);
    expect(requests).toHaveLength(2);
  });

  it('explains 401 without retrying and never shows the token, even when the server echoes it', async () => {
    handler = (req, res) =>
      error(res, 401, 'unauthorized', `token ${req.headers.authorization?.slice(7)} is not valid`);
    const e = await rejection(uploadReport('{}', opts()));
    expect(requests).toHaveLength(1);
    expect(e.message).toBe(`upload refused by ${base} (401 unauthorized): token [token] is not valid`);
    expect(`${e.message} ${e.hint}`).not.toContain(TOKEN);
    expect(e.hint).toMatch(/GATEHOUSE_TOKEN/);
  });

  it.each([
    [403, 'forbidden', 'token may not upload to project payments', /scoped to this project/],
    [413, 'payload_too_large', 'body exceeds 100 MB', /larger than the server accepts/],
    [400, 'unsupported_format', 'not a report, SARIF or SBOM', undefined],
  ])('shows the server message of a %i', async (status, code, message, hint) => {
    handler = (_req, res) => error(res, status, code, message);
    const e = await rejection(uploadReport('{}', opts()));
    expect(requests).toHaveLength(1);
    expect(e.message).toBe(`upload refused by ${base} (${status} ${code}): ${message}`);
    if (hint) expect(e.hint).toMatch(hint);
  });

  it('shows the start of a non-JSON error page, one line, no markup or control characters', async () => {
    handler = (_req, res) =>
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><h1>Not\x1b[31m Found</h1>\n</html>');
    const e = await rejection(uploadReport('{}', opts()));
    expect(e.message).toBe(`upload refused by ${base} (404): Not [31m Found`);
    expect(e.hint).toMatch(/without \/api\/v1/);
  });

  it('does not follow a redirect (it would drop the body) and says where it points', async () => {
    handler = (_req, res) => res.writeHead(301, { location: 'https://gatehouse.example/api/v1/scans' }).end();
    const e = await rejection(uploadReport('{}', opts()));
    expect(requests).toHaveLength(1);
    expect(e.message).toBe(
      `upload: ${base}/api/v1/scans redirects (301) to https://gatehouse.example/api/v1/scans`,
    );
  });

  it('rejects an answer that is not a scan', async () => {
    handler = (_req, res) => json(res, 201, { ok: true });
    const e = await rejection(uploadReport('{}', opts()));
    expect(e.message).toMatch(/answered without a scan/);
  });
});

describe('parseServerUrl and tokenFromEnv', () => {
  it('accepts http(s) base URLs only, never with credentials in them', () => {
    expect(parseServerUrl('https://gh.example/', '--upload').host).toBe('gh.example');
    expect(() => parseServerUrl('gh.example', '--upload')).toThrow(/not a URL/);
    expect(() => parseServerUrl('ftp://gh.example', '--upload')).toThrow(/only http and https/);
    expect(() => parseServerUrl(`https://ci:${TOKEN}@gh.example`, '--upload')).toThrow(/holds credentials/);
  });

  it('requires a plausible token and never quotes it', () => {
    expect(tokenFromEnv({ GATEHOUSE_TOKEN: ` ${TOKEN}\n` }, '--upload')).toBe(TOKEN);
    expect(() => tokenFromEnv({}, '--upload')).toThrow('--upload needs a token in GATEHOUSE_TOKEN');
    expect(() => tokenFromEnv({ GATEHOUSE_TOKEN: 'gh_a b' }, 'gate')).toThrow(/characters no token has/);
  });
});

/** Variables that would make the CLI think it runs in a CI, or give it a token the test did not. */
const CI_VARS = ['GITHUB_ACTIONS', 'GITLAB_CI', 'CIRCLECI', 'JENKINS_URL', 'JENKINS_HOME', 'BUILD_TAG'];

/** The CLI in a child process, without blocking this one: the test server must keep answering. */
function cli(args: string[], env: Record<string, string> = {}, cwd?: string): Promise<CliRun> {
  const clean = { ...process.env };
  for (const k of [...CI_VARS, 'GATEHOUSE_TOKEN']) delete clean[k];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      env: { ...clean, CI: 'true', NO_COLOR: '1', ...env },
      ...(cwd ? { cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanups) c();
});
function leakyTree(): string {
  const t = makeTree({ 'deploy/prod.env': `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`, 'src/a.js': 'x = 1\n' });
  cleanups.push(t.cleanup);
  return t.root;
}
function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
}

const GITHUB = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/payments',
  GITHUB_REF_NAME: 'main',
  GITHUB_SHA: 'c0ffee0000000000000000000000000000000000',
  GITHUB_RUN_ID: '555',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'security',
};

describe('gatehouse scan --upload', () => {
  it('uploads the same report --format json writes, with the CI context, and prints the scan URL', async () => {
    const root = leakyTree();
    const out = join(root, 'out', 'report.json');
    const r = await cli(
      ['scan', root, '--format', 'json', '--output', out, '--exclude', 'out/**', '--upload', base].concat([
        '--project',
        'payments',
        '--stage',
        'gate',
      ]),
      { ...GITHUB, GATEHOUSE_TOKEN: TOKEN },
    );
    expect(r.code).toBe(1); // the gate blocks on the key, as without --upload
    expect(r.stderr).toContain(`uploaded: ${base}/scans/7 (2 new, 1 fixed)`);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(Object.fromEntries(req.query)).toEqual({
      project: 'payments',
      branch: 'main',
      commit: GITHUB.GITHUB_SHA,
      repository: 'https://github.com/acme/payments',
      pipeline: '555',
      stage: 'gate',
      complete: 'true',
    });
    const uploaded = body(req);
    expect(uploaded).toBe(readFileSync(out, 'utf8'));
    expect(uploaded).not.toContain(AWS_KEY);
  });

  it('uploads a --changed-since scan as incomplete, with the git checkout as context outside CI', async () => {
    const root = leakyTree();
    git(root, 'init', '-q', '-b', 'feature/x');
    git(root, 'remote', 'add', 'origin', 'https://bot:pw@git.example/acme/payments.git');
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'base');
    const commit = git(root, 'rev-parse', 'HEAD');
    const r = await cli(
      ['scan', root, '--changed-since', 'HEAD', '--upload', base, '--project', 'payments'],
      { GATEHOUSE_TOKEN: TOKEN },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('uploaded:');
    expect(Object.fromEntries(requests[0]!.query)).toEqual({
      project: 'payments',
      branch: 'feature/x',
      commit,
      repository: 'https://git.example/acme/payments.git',
      complete: 'false',
    });
  });

  it('uploads a --partial scan as incomplete, and refuses --partial without --upload', async () => {
    const root = leakyTree();
    const r = await cli(['scan', root, '--partial', '--upload', base, '--project', 'payments'], {
      GATEHOUSE_TOKEN: TOKEN,
    });
    expect(r.code).toBe(1);
    expect(requests[0]!.query.get('complete')).toBe('false');
    const stray = await cli(['scan', root, '--partial'], {});
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--partial is only used with --upload');
    expect(requests).toHaveLength(1);
  });

  it('exits 2 when the upload fails, after writing the local report', async () => {
    const root = leakyTree();
    const out = join(root, 'out', 'report.sarif');
    handler = (req, res) => error(res, 401, 'unauthorized', `bad token ${req.headers.authorization}`);
    const r = await cli(
      ['scan', root, '--format', 'sarif', '--output', out, '--upload', base, '--project', 'payments'],
      { GATEHOUSE_TOKEN: TOKEN },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`gatehouse: error: upload refused by ${base} (401 unauthorized)`);
    expect(r.stderr).toMatch(/hint: GATEHOUSE_TOKEN/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(existsSync(out)).toBe(true);
  });

  it('exits 2 when the server cannot be reached, even when the gate would pass', async () => {
    const t = makeTree({ 'a.js': 'x = 1\n' });
    cleanups.push(t.cleanup);
    const port = await deadPort();
    const r = await cli(['scan', t.root, '--upload', `http://127.0.0.1:${port}`, '--project', 'p'], {
      GATEHOUSE_TOKEN: TOKEN,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('PASS');
    expect(r.stderr).toContain(`upload: cannot reach http://127.0.0.1:${port}: ECONNREFUSED (3 tries)`);
  });

  it.each([
    [['--upload', 'BASE'], { GATEHOUSE_TOKEN: TOKEN }, '--upload needs --project NAME'],
    [['--upload', 'BASE', '--project', 'p'], {}, '--upload needs a token in GATEHOUSE_TOKEN'],
    [['--project', 'p'], { GATEHOUSE_TOKEN: TOKEN }, '--project is only used with --upload'],
    [
      ['--upload', 'not a url', '--project', 'p'],
      { GATEHOUSE_TOKEN: TOKEN },
      "--upload: 'not a url' is not a URL",
    ],
  ])('is a usage error before scanning: %j', async (args, env, message) => {
    const root = leakyTree();
    const r = await cli(['scan', root, ...args.map((a) => (a === 'BASE' ? base : a))], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`gatehouse: error: ${message}`);
    expect(r.stdout).toBe('');
    expect(requests).toHaveLength(0);
  });
});

describe('gatehouse sbom --upload', () => {
  it('uploads the SBOM it writes, as CycloneDX or SPDX, with the context, and prints the scan URL', async () => {
    const t = makeTree({ 'requirements.txt': 'flask==2.0.3\nrequests==2.25.0\n' });
    cleanups.push(t.cleanup);
    const out = join(t.root, 'bom.json');
    const r = await cli(
      ['sbom', t.root, '--output', out, '--upload', base, '--project', 'payments', '--branch', 'release'],
      { ...GITHUB, GATEHOUSE_TOKEN: TOKEN },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`uploaded: ${base}/scans/7`);
    const req = requests[0]!;
    expect(req.headers['content-type']).toBe('application/vnd.cyclonedx+json');
    expect(Object.fromEntries(req.query)).toMatchObject({
      project: 'payments',
      branch: 'release',
      pipeline: '555',
    });
    expect(body(req)).toBe(readFileSync(out, 'utf8'));

    const spdx = await cli(['sbom', t.root, '--format', 'spdx', '--upload', base, '--project', 'payments'], {
      GATEHOUSE_TOKEN: TOKEN,
    });
    expect(spdx.code, spdx.stderr).toBe(0);
    expect(requests[1]!.headers['content-type']).toBe('application/spdx+json');
    expect(JSON.parse(body(requests[1]!)).spdxVersion).toBe('SPDX-2.3');
  });

  it('refuses the upload flags without --upload, and uploads nothing from a broken inventory', async () => {
    const t = makeTree({ 'package-lock.json': '{"lockfileVersion": 3, "packages": ' });
    cleanups.push(t.cleanup);
    const stray = await cli(['sbom', t.root, '--project', 'p'], {});
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--project is only used with --upload');
    const broken = await cli(['sbom', t.root, '--upload', base, '--project', 'p'], {
      GATEHOUSE_TOKEN: TOKEN,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('not uploaded: the inventory had errors');
    expect(requests).toHaveLength(0);
  });
});
