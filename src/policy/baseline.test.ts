import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { FINGERPRINT_KEY } from '../core/fingerprint.js';
import { REPORT_SCHEMA_VERSION } from '../core/report.js';
import { loadBaseline, MAX_BASELINE_BYTES, parseBaseline } from './baseline.js';

const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
}

function sarif(results: unknown[], driver = 'gatehouse'): string {
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: driver } }, results }] });
}

function report(findings: unknown[], extra: object = {}): string {
  return JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, findings, ...extra });
}

describe('loadBaseline: Gatehouse JSON report', () => {
  it('reads the fingerprints of the findings, whatever the file is called', () => {
    const path = file('previous.sarif', report([{ fingerprint: A, ruleId: 'x' }, { fingerprint: B }]));
    expect(loadBaseline(path)).toEqual(new Set([A, B]));
  });

  it('reads an empty report and one with a byte-order mark', () => {
    expect(loadBaseline(file('empty-report.json', report([])))).toEqual(new Set());
    expect(loadBaseline(file('bom.json', `\uFEFF${report([{ fingerprint: A }])}`))).toEqual(new Set([A]));
  });

  it('reads the in-memory Report shape (result.findings)', () => {
    const text = JSON.stringify({
      tool: { name: 'gatehouse', version: '0.1.0' },
      result: { findings: [{ fingerprint: A }] },
    });
    expect(parseBaseline(text, 'r.json')).toEqual(new Set([A]));
  });

  it('refuses a finding without a fingerprint, naming its index', () => {
    const e = errorOf(() => parseBaseline(report([{ fingerprint: A }, { ruleId: 'x' }]), 'r.json'));
    expect(e.message).toBe('r.json: findings[1].fingerprint is missing or is not a hex fingerprint');
    expect(e.hint).toContain('gatehouse scan --format json --output baseline.json');
  });

  it('refuses findings without schemaVersion, and an incompatible schemaVersion', () => {
    expect(errorOf(() => parseBaseline(JSON.stringify({ findings: [] }), 'r.json')).message).toMatch(
      /no 'schemaVersion'/,
    );
    const v9 = JSON.stringify({ schemaVersion: '9.0', findings: [] });
    expect(errorOf(() => parseBaseline(v9, 'r.json')).message).toMatch(/schemaVersion "9.0" cannot be read/);
    const noList = JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, findings: 'all' });
    expect(errorOf(() => parseBaseline(noList, 'r.json')).message).toMatch(
      /'findings' is missing or not a list/,
    );
  });
});

describe('loadBaseline: SARIF', () => {
  it('reads partialFingerprints["gatehouse/v1"] across runs, skipping other tools\' results', () => {
    const text = JSON.stringify({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'gatehouse' } },
          results: [{ partialFingerprints: { [FINGERPRINT_KEY]: A } }],
        },
        { tool: { driver: { name: 'other' } }, results: [{ partialFingerprints: { other: 'x' } }, 42, null] },
        { results: [{ partialFingerprints: { [FINGERPRINT_KEY]: B } }] },
      ],
    });
    expect(loadBaseline(file('scan.json', text))).toEqual(new Set([A, B]));
  });

  it('accepts a clean Gatehouse run (no results) as an empty baseline', () => {
    expect(parseBaseline(sarif([]), 's.sarif')).toEqual(new Set());
  });

  it('refuses a SARIF whose results have no gatehouse fingerprints', () => {
    const e = errorOf(() =>
      parseBaseline(sarif([{ ruleId: 'x', partialFingerprints: { a: 'b' } }], 'semgrep'), 's.sarif'),
    );
    expect(e.message).toBe(
      's.sarif: SARIF with 1 result(s) but none has partialFingerprints["gatehouse/v1"]; it was not written by Gatehouse',
    );
    expect(errorOf(() => parseBaseline(sarif([], 'semgrep'), 's.sarif')).message).toMatch(/0 result\(s\)/);
  });

  it('refuses another SARIF version and a runs that is not a list', () => {
    const v2 = JSON.stringify({ version: '2.0.0', runs: [] });
    expect(errorOf(() => parseBaseline(v2, 's.sarif')).message).toMatch(
      /SARIF version "2.0.0" is not supported/,
    );
    expect(errorOf(() => parseBaseline(JSON.stringify({ runs: {} }), 's.sarif')).message).toMatch(
      /'runs' is not a list/,
    );
  });

  it('echoes at most a short piece of a hostile version string', () => {
    const long = JSON.stringify({ version: 'x'.repeat(10_000), runs: [] });
    expect(errorOf(() => parseBaseline(long, 's.sarif')).message).toBe(
      `s.sarif: SARIF version "${'x'.repeat(39)}… is not supported (only 2.1.0)`,
    );
  });
});

describe('loadBaseline: bad files', () => {
  it('says a missing file is missing and how to make one', () => {
    const e = errorOf(() => loadBaseline(join(dir, 'nope.json')));
    expect(e.message).toBe(`${join(dir, 'nope.json')}: baseline file not found`);
    expect(e.hint).toBe(
      'make a baseline from a scan of the main branch: gatehouse scan --format json --output baseline.json',
    );
  });

  it('refuses a directory', () => {
    const sub = join(dir, 'a-dir');
    mkdirSync(sub);
    expect(errorOf(() => loadBaseline(sub)).message).toBe(`${sub}: baseline is not a regular file`);
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => loadBaseline(file('empty.json', ''))).message).toMatch(/baseline file is empty/);
  });

  it('calls truncated JSON truncated', () => {
    const full = report([{ fingerprint: A }, { fingerprint: B }]);
    for (const cut of [10, 40, full.length - 1]) {
      const e = errorOf(() => parseBaseline(full.slice(0, cut), 'cut.json'));
      expect(e.message).toBe('cut.json: the JSON ends early; the file looks truncated');
    }
  });

  it('says where JSON is broken without quoting the file (it may hold secrets)', () => {
    const e = errorOf(() => parseBaseline('{"findings": [],\n  oops}', 'b.json'));
    expect(e.message).toBe(
      'b.json: is not valid JSON at line 2, column 3; a baseline is a Gatehouse JSON or SARIF report',
    );
    const env = errorOf(() =>
      parseBaseline('AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', '.env'),
    );
    expect(env.message).not.toContain('wJalr');
    expect(env.message).not.toContain('AWS_SECRET');
  });

  it('refuses 5 MB of random bytes quickly and cleanly', () => {
    const path = file('garbage.bin', randomBytes(5 * 1024 * 1024));
    const t0 = performance.now();
    expect(errorOf(() => loadBaseline(path)).message).toMatch(
      /garbage\.bin: (is not valid JSON|the JSON ends early)/,
    );
    expect(performance.now() - t0).toBeLessThan(30_000); // hang guard: speed is measured in bench/
  });

  it('refuses JSON that is not a report', () => {
    expect(errorOf(() => parseBaseline('[{"fingerprint":"aaaaaaaa"}]', 'a.json')).message).toMatch(
      /a.json: is a JSON array, not a report/,
    );
    expect(errorOf(() => parseBaseline('"text"', 'a.json')).message).toBe(
      'a.json: is a JSON string, not a report',
    );
    expect(errorOf(() => parseBaseline('null', 'a.json')).message).toBe(
      'a.json: is a JSON null, not a report',
    );
    expect(errorOf(() => parseBaseline('{"name":"package"}', 'a.json')).message).toMatch(
      /is neither a Gatehouse JSON report nor a SARIF log/,
    );
  });

  it('refuses a file over 256 MiB before reading it', () => {
    const path = file('huge.json', '');
    truncateSync(path, MAX_BASELINE_BYTES + 1); // sparse: no disk used, no bytes read
    expect(errorOf(() => loadBaseline(path)).message).toBe(
      `${path}: baseline is ${MAX_BASELINE_BYTES + 1} bytes, over the 256.0 MiB limit`,
    );
    expect(errorOf(() => loadBaseline(file('small.json', report([])), 10)).message).toMatch(
      /over the 10 B limit/,
    );
  });
});
