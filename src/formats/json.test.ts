import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION } from '../core/report.js';
import { renderJson, toJsonReport } from './json.js';
import { cleanReport, largeReport, sampleReport } from './test-report.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(readFileSync(resolve(repoRoot, 'docs/report-schema.json'), 'utf8'));
const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function check(doc: unknown): void {
  const ok = validate(doc);
  expect(ok ? [] : validate.errors).toEqual([]);
}

describe('json format', () => {
  it('validates against docs/report-schema.json', () => {
    check(JSON.parse(renderJson(sampleReport())));
    check(JSON.parse(renderJson(cleanReport())));
    check(JSON.parse(renderJson(largeReport(200))));
  });

  it('validates with a dependency finding, a failed scanner and a scan outside git', () => {
    const report = sampleReport();
    report.result.findings[0]!.vulnerability = {
      id: 'GHSA-35jh-r3h4-6jhm',
      aliases: ['CVE-2021-23337'],
      package: { ecosystem: 'npm', name: 'lodash', version: '4.17.20', purl: 'pkg:npm/lodash@4.17.20' },
      fixedVersions: ['4.17.21'],
      cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', score: 7.2 },
    };
    report.result.scanners[0] = { ...report.result.scanners[0]!, status: 'failed', error: 'boom' };
    report.result.target = { root: '/tmp/x' };
    const doc = toJsonReport(report);
    check(JSON.parse(JSON.stringify(doc)));
    expect(doc.findings[0]!.vulnerability?.package.purl).toBe('pkg:npm/lodash@4.17.20');
  });

  it('carries a dataflow trace, validated by the schema, with its keys in a fixed order', () => {
    const report = sampleReport();
    report.result.findings[0]!.trace = [
      { message: 'source: req.query', column: 15, line: 3, path: 'src/app.js' },
      { path: 'src/app.js', line: 9, message: 'reaches the sink: cmd' },
    ];
    const doc = JSON.parse(renderJson(report));
    check(doc);
    const traced = doc.findings.find((f: { trace?: unknown }) => f.trace);
    expect(traced.trace).toEqual([
      { path: 'src/app.js', line: 3, column: 15, message: 'source: req.query' },
      { path: 'src/app.js', line: 9, message: 'reaches the sink: cmd' },
    ]);
    expect(Object.keys(traced.trace[0])).toEqual(['path', 'line', 'column', 'message']);
    traced.trace[1].line = 0;
    expect(validate(doc)).toBe(false);
  });

  it('is rejected by the schema when a field is wrong, so the validation means something', () => {
    const doc = JSON.parse(renderJson(sampleReport()));
    doc.findings[0].gate.action = 'block';
    expect(validate(doc)).toBe(false);
    delete doc.findings[0].gate.action;
    doc.findings[0].extra = 1;
    expect(validate(doc)).toBe(false);
  });

  it('is versioned and carries the gate decision on every finding', () => {
    const doc = toJsonReport(sampleReport());
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.verdict).toBe('fail');
    expect(doc.tool).toEqual({ name: 'gatehouse', version: '0.0.0-test' });
    for (const f of doc.findings) expect(f.gate.policyRule).toBeTruthy();
    const excepted = doc.findings.find((f) => f.gate.status === 'excepted')!;
    expect(excepted.gate.exception).toMatchObject({ id: 'EXC-12', approver: 'alice', expired: false });
    expect(Object.keys(doc.findings[0]!).at(-1)).toBe('gate');
  });

  it('summarises the findings the way the gate decided them', () => {
    expect(toJsonReport(sampleReport()).summary).toEqual({
      findings: 7,
      blocking: 3,
      bySeverity: { critical: 1, high: 4, medium: 1, low: 1, info: 0 },
      byAction: { fail: 3, warn: 1, report: 2, ignore: 1 },
      excepted: 1,
      existing: 1,
      expiredExceptions: 1,
      discovery: { files: 431, bytes: 5_500_723, skipped: 1 },
    });
  });

  it('keeps only typed fields, with a fixed key order and sorted properties', () => {
    const report = sampleReport();
    const f = report.result.findings.find((x) => x.properties)!;
    Object.assign(f, { rawMatch: 'should never be written' });
    f.properties = { zeta: 1, alpha: 'a' };
    const out = renderJson(report);
    expect(out).not.toContain('rawMatch');
    const doc = toJsonReport(report);
    expect(Object.keys(doc.findings.find((x) => x.properties)!.properties!)).toEqual(['alpha', 'zeta']);
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'tool',
      'target',
      'startedAt',
      'finishedAt',
      'verdict',
      'summary',
      'notes',
      'findings',
      'scanners',
      'diagnostics',
      'rules',
    ]);
  });

  it('lists every rule that ran, sorted by id, and the scanners sorted by name', () => {
    const doc = toJsonReport(sampleReport());
    const ids = doc.rules.map((r) => r.id);
    expect(ids).toContain('secrets/slack-webhook');
    expect([...ids].sort()).toEqual(ids);
    expect(doc.scanners.map((s) => s.name)).toEqual(['iac', 'secrets']);
  });
});
