import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifValidator } from '../src/formats/testing/sarif-schema.js';
import { reportValidator } from '../src/server/upload/gatehouse-schema.js';
import { gatehouse, gatehouseAsync } from './cli.js';
import { payloadRequests } from './fixtures/dast/app/payloads.js';
import { startVulnerableApp, type VulnerableApp } from './fixtures/dast/app/server.js';

interface JsonReport {
  findings: {
    ruleId: string;
    message: string;
    location: { path: string };
    http?: { request: { target: string } };
  }[];
  diagnostics: { level: string; code: string; message: string }[];
  scanners: { name: string; status: string; files: number }[];
}

let app: VulnerableApp;
let dir: string;
const policy = () => join(dir, 'gatehouse.yml');

beforeAll(async () => {
  app = await startVulnerableApp();
  dir = mkdtempSync(join(tmpdir(), 'gh-dast-cli-'));
  writeFileSync(policy(), 'version: 1\n');
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('gatehouse dast: refusing to guess', () => {
  it.each([
    [[], /missing required argument 'url'/],
    [['127.0.0.1:8080'], /is not a URL|only http:\/\/ and https:\/\/ targets/],
    [['not a url'], /is not a URL/],
    [['ftp://127.0.0.1/'], /only http:\/\/ and https:\/\//],
    [['http://user:pw@127.0.0.1/'], /put credentials in --auth-header/],
    [['http://127.0.0.1/', '--rate', 'fast'], /--rate fast/],
    [['http://127.0.0.1/', '--max-duration', '0s'], /--max-duration 0s/],
    [['http://127.0.0.1/', '--include', '('], /--include \(: not a regular expression/],
    [['http://127.0.0.1/', '--auth-header', 'no colon'], /--auth-header takes "Name: value"/],
  ])('exits 2 for %j', (args, message) => {
    const r = gatehouse(['dast', ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
  });
});

describe('gatehouse dast URL (a passive baseline scan of the vulnerable app)', () => {
  let report: JsonReport;
  let sarif: { runs: { results: { webRequest?: unknown; webResponse?: unknown; locations: unknown[] }[] }[] };
  beforeAll(async () => {
    const before = app.requests().length;
    const out = join(dir, 'report.sarif');
    const r = await gatehouseAsync(
      ['dast', `${app.url}/`, '--rate', '200/s', '--format', 'json', '-c', policy()],
      {},
    );
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout) as JsonReport;
    const s = await gatehouseAsync([
      'dast',
      `${app.url}/`,
      '--rate',
      '200/s',
      '--format',
      'sarif',
      '-o',
      out,
      '-c',
      policy(),
    ]);
    expect([0, 1]).toContain(s.code);
    sarif = JSON.parse(readFileSync(out, 'utf8')) as typeof sarif;
    expect(app.requests().length).toBeGreaterThan(before);
  }, 120_000);

  it('stays in scope and sends no attack payload', () => {
    const log = app.requests();
    expect(log.filter((r) => r.server === 'decoy')).toEqual([]);
    expect(payloadRequests(log).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('reports findings with the exchange as evidence, and a summary', () => {
    expect(report.scanners).toEqual([expect.objectContaining({ name: 'dast', status: 'ok' })]);
    expect(report.findings.length).toBeGreaterThan(20);
    for (const f of report.findings) expect(f.location.path).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(report.diagnostics.find((d) => d.code === 'dast-summary')?.message).toMatch(
      /requests in .* out-of-scope URLs left alone/,
    );
    const validate = reportValidator(false);
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(report.findings.every((f) => f.http?.request.target.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('writes SARIF that validates, with webRequest and webResponse', () => {
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0]!.results;
    expect(results.length).toBeGreaterThan(20);
    expect(results.every((r) => r.webRequest && r.webResponse)).toBe(true);
  });
});

describe('gatehouse dast URL --active --openapi', () => {
  it('confirms the injections, API ones included, and gates on them', async () => {
    const r = await gatehouseAsync([
      'dast',
      `${app.url}/`,
      '--active',
      '--openapi',
      `${app.url}/openapi.json`,
      '--rate',
      '300/s',
      '--format',
      'json',
      '-c',
      policy(),
    ]);
    expect(r.code).toBe(1);
    const rep = JSON.parse(r.stdout) as JsonReport;
    const rules = new Set(rep.findings.map((f) => f.ruleId));
    for (const id of [
      'dast/reflected-xss',
      'dast/sql-injection-error',
      'dast/sql-injection-boolean',
      'dast/ssti',
      'dast/open-redirect',
    ])
      expect(rules).toContain(id);
    const api = rep.findings.find(
      (f) => f.ruleId === 'dast/sql-injection-error' && f.location.path.endsWith('/api/reports/export'),
    );
    expect(api, 'the SQL injection only the OpenAPI document describes').toBeDefined();
    expect(app.requests().filter((r) => r.server === 'decoy')).toEqual([]);
  }, 120_000);
});

describe('gatehouse dast against hostile endpoints', () => {
  it('finishes, marks the report partial when the budget runs out, and says what went wrong', async () => {
    const started = Date.now();
    const r = await gatehouseAsync([
      'dast',
      `${app.url}/hostile/`,
      '--include',
      '/hostile/',
      '--max-duration',
      '4s',
      '--rate',
      '50/s',
      '--format',
      'json',
      '-c',
      policy(),
      '--fail-on',
      'none',
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as JsonReport;
    expect(rep.scanners[0]?.status).toBe('partial');
    const messages = rep.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
    expect(messages).toMatch(/time-budget/);
  }, 60_000);
});
