import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../server/csrf.js';
import { SESSION_COOKIE } from '../server/session-cookie.js';
import { EXAMPLES } from './demo-examples.js';
import { HISTORY_REPOSITORY, HISTORY_STAGE } from './demo-plan.js';
import { SYNTHETIC_PROJECTS } from './demo-projects.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));
/** Set-up with the history: measured at 20–60 s on a 2-core machine under heavy load. */
const READY_MS = 120_000;

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape
type AnyJson = any;

interface Demo {
  child: ChildProcessWithoutNullStreams;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
  /** What the demo printed once it was ready. */
  url: string;
  email: string;
  password: string;
  ciToken: string;
  home: string;
  readyMs: number;
}

/** Starts `gatehouse demo` in a child process and waits until it prints how to use it. */
async function startDemo(args: string[]): Promise<Demo> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'demo', '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (out.stdout += d));
  child.stderr.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => (out.stdout.includes('Press Ctrl-C to stop.') ? resolve(true) : undefined);
      child.stdout.on('data', check);
    }),
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), READY_MS)),
  ]);
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`the demo did not start:\n${out.stdout}\n${out.stderr}`);
  }
  const field = (label: string) => new RegExp(`^\\s+${label}\\s+(\\S+)`, 'm').exec(out.stdout)?.[1] ?? '';
  return {
    child,
    get stdout() {
      return out.stdout;
    },
    get stderr() {
      return out.stderr;
    },
    exited,
    url: field('Dashboard').replace(/\/$/, '') || field('API').replace(/\/api\/v1$/, ''),
    email: field('Sign in'),
    password: field('Password'),
    ciToken: field('CI token'),
    home: field('Home'),
    readyMs: Date.now() - started,
  };
}

async function call(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as AnyJson, headers: res.headers };
}

/** Signs in as the dashboard does: the session cookie, then the CSRF token on every call. */
async function signIn(d: Demo, password = d.password) {
  const r = await call(d.url, 'POST', '/api/v1/session', { origin: d.url }, { email: d.email, password });
  if (r.status !== 200) return { status: r.status, get: undefined };
  const set = r.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
  const cookie = set.split(';')[0]!;
  const headers = { cookie, [CSRF_HEADER]: r.json.csrfToken as string, origin: d.url };
  return { status: r.status, get: (path: string) => call(d.url, 'GET', path, headers) };
}

/** The fake credentials the examples hold, read from their files (this file names none). */
function exampleSecrets(): string[] {
  const files = [
    'vulnerable-app/config/settings.py',
    'vulnerable-app/src/server.js',
    'python-billing/billing/settings.py',
    'java-orders/src/main/resources/application.properties',
  ];
  const patterns = [
    /AKIA[0-9A-Z]{16}/g,
    /sk_live_\w{20,}/g,
    /SG\.[\w-]{22}\.[\w-]{43}/g,
    /xoxb-[\w-]{30,}/g,
    /ghp_\w{36}/g,
  ];
  const text = files.map((f) => readFileSync(join(EXAMPLES_DIR, f), 'utf8')).join('\n');
  return patterns.flatMap((p) => text.match(p) ?? []);
}

describe('gatehouse demo', () => {
  const kept = mkdtempSync(join(tmpdir(), 'gatehouse-demo-test-'));
  let demo: Demo;
  /** A second demo, without --home or history; both start at once, each on one core. */
  let temp: Demo;
  let get: (path: string) => Promise<{ status: number; text: string; json: AnyJson }>;
  beforeAll(async () => {
    [demo, temp] = await Promise.all([startDemo(['--home', kept]), startDemo(['--no-history'])]);
    const session = await signIn(demo);
    expect(session.status).toBe(200);
    get = session.get!;
  }, READY_MS + 10_000);
  afterAll(() => {
    demo?.child.kill('SIGKILL');
    temp?.child.kill('SIGKILL');
    rmSync(kept, { recursive: true, force: true });
  });

  it('prints the URL, the admin login, a CI token and a scan command, and says it is demo data', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.email).toBe('admin@example.com');
    expect(demo.password.length).toBeGreaterThanOrEqual(12);
    expect(demo.ciToken).toMatch(/^gh_/);
    expect(demo.home).toBe(kept);
    expect(demo.stdout).toContain('demo data');
    expect(demo.stdout).toContain(
      `GATEHOUSE_TOKEN=${demo.ciToken} npx gatehouse scan . --upload ${demo.url} --project demo`,
    );
    process.stderr.write(`demo ready in ${demo.readyMs} ms, without history in ${temp.readyMs} ms\n`);
  });

  it('refuses a wrong password and keeps the CI token out of what only people read', async () => {
    expect((await signIn(demo, `${demo.password}x`)).status).toBe(401);
    const metrics = await call(demo.url, 'GET', '/api/v1/metrics/mttr', {
      authorization: `Bearer ${demo.ciToken}`,
    });
    expect(metrics.status).toBe(403);
    expect(metrics.json.error.code).toBe('forbidden');
  });

  it('has the example projects, scanned on their branches, and the generated history', async () => {
    const r = await get('/api/v1/projects?limit=500');
    expect(r.status).toBe(200);
    const projects = new Map<string, AnyJson>(r.json.projects.map((p: AnyJson) => [p.name, p]));
    for (const e of EXAMPLES) expect(projects.has(e.name), e.name).toBe(true);
    for (const p of SYNTHETIC_PROJECTS) {
      expect(projects.get(p.name)?.repository).toBe(`${HISTORY_REPOSITORY}/${p.name}`);
      expect(projects.get(p.name)?.tier).toBe(p.tier);
    }
    const app = await get('/api/v1/scans?project=vulnerable-app&limit=200');
    const branches = app.json.scans.map((s: AnyJson) => `${s.branch} ${s.stage}`).sort();
    expect(branches).toEqual(['feature/stripe-retries pull-request', 'main build']);
    const generated = await get('/api/v1/scans?project=demo-payments&limit=200');
    expect(generated.json.scans.length).toBeGreaterThan(20);
    expect(new Set(generated.json.scans.map((s: AnyJson) => s.stage))).toEqual(new Set([HISTORY_STAGE]));
  });

  it('answers non-empty MTTR, SLA compliance, gate pass rate, coverage and noise', async () => {
    const mttr = (await get('/api/v1/metrics/mttr')).json;
    expect(mttr.fixed.all.count).toBeGreaterThan(20);
    expect(mttr.fixed.bySeverity.critical.meanDays).toBeLessThan(mttr.fixed.bySeverity.medium.meanDays);
    const sla = (await get('/api/v1/metrics/sla')).json;
    expect(sla.compliance.met).toBeGreaterThan(0);
    expect(sla.compliance.compliancePercent).toBeGreaterThan(0);
    expect(sla.open.total).toBeGreaterThan(0);
    const gate = (await get('/api/v1/metrics/gate')).json;
    expect(gate.totals.fail).toBeGreaterThan(0);
    expect(gate.totals.passRate).toBeGreaterThan(0);
    expect(gate.totals.passRate).toBeLessThan(100);
    const coverage = (await get('/api/v1/metrics/coverage')).json;
    expect(coverage.scanners).toEqual(expect.arrayContaining(['iac', 'sast', 'sca', 'secrets']));
    expect(coverage.notScanned.map((p: AnyJson) => p.project)).toContain('demo-legacy-reports');
    const noise = (await get('/api/v1/metrics/noise')).json;
    expect(noise.rules.length).toBeGreaterThan(0);
    expect(noise.rules[0].falsePositiveRate).toBeGreaterThan(0);
    const exceptions = (await get('/api/v1/exceptions?status=approved')).json;
    expect(exceptions.exceptions.length).toBeGreaterThan(0);
  });

  it('never answers a secret of the examples in clear', async () => {
    const secrets = exampleSecrets();
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    const list = await get('/api/v1/findings?scanner=secrets&status=all&limit=500');
    expect(list.status).toBe(200);
    const mine = list.json.findings.filter((f: AnyJson) => EXAMPLES.some((e) => e.name === f.project));
    expect(mine.length).toBeGreaterThanOrEqual(6);
    const detail = await get(`/api/v1/findings/${mine[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.finding.secret.redacted).toMatch(/…$/);
    for (const text of [list.text, detail.text]) for (const s of secrets) expect(text).not.toContain(s);
  });

  it('stops on Ctrl-C with exit code 0 and keeps a home given with --home', async () => {
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(existsSync(join(kept, 'gatehouse.sqlite'))).toBe(true);
  });

  it('without --home, works in a temporary home that Ctrl-C (even twice) deletes; --no-history adds none', async () => {
    expect(temp.home).not.toBe(kept);
    expect(existsSync(join(temp.home, 'gatehouse.sqlite'))).toBe(true);
    const session = await signIn(temp);
    const names = (await session.get!('/api/v1/projects?limit=500')).json.projects.map(
      (p: AnyJson) => p.name,
    );
    expect(names).toEqual(expect.arrayContaining(EXAMPLES.map((e) => e.name)));
    expect(names.filter((n: string) => n.startsWith('demo-'))).toEqual([]);
    // As under `npm start`: the terminal's Ctrl-C and npm's forwarded copy are one stop, not a kill.
    temp.child.kill('SIGINT');
    temp.child.kill('SIGINT');
    expect(await temp.exited).toBe(0);
    expect(existsSync(temp.home)).toBe(false);
  });
});
