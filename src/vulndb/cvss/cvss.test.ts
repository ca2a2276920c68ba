import { describe, expect, it } from 'vitest';
import type { OsvRecord } from '../osv.js';
import { isValidCvss, scoreCvss, severityOf } from './index.js';

describe('CVSS scores', () => {
  it.each([
    // CVSS v3.1 specification, section 7.4 examples and well-known CVEs.
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H', 7.4, 'high'],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
    ['CVSS:3.0/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:L', 2, 'low'],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5, 'high'],
    // CVSS v4.0: the specification's default vector, and common advisory vectors.
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N', 8.7, 'high'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 6.9, 'medium'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10, 'critical'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0, 'none'],
    ['CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A', 7.3, 'high'],
    ['CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:A/VC:N/VI:L/VA:L/SC:L/SI:N/SA:N', 1.8, 'low'],
  ] as const)('%s is %s (%s)', (vector, score, severity) => {
    expect(scoreCvss(vector)).toMatchObject({ score, severity });
  });

  it('accepts metrics in any order and threat / supplemental metrics', () => {
    expect(scoreCvss('CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H/E:P/RL:O')?.score).toBe(9.8);
    expect(scoreCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red')?.score).toBe(
      9.3,
    );
  });

  it('applies v4 environmental overrides, including safety', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    expect(scoreCvss(`${base}/MSI:S`)!.score).toBeGreaterThan(9.3);
    expect(scoreCvss(`${base}/E:U`)!.score).toBeLessThan(9.3);
  });

  it.each([
    '',
    'CVSS:3.1',
    'CVSS:3.1/',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:H',
    'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1',
    'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:U/A:U',
    'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'AV:N/AC:L/Au:N/C:P/I:P/A:P',
    'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N',
    `CVSS:3.1/${'AV:N/'.repeat(200)}`,
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H:',
    'CVSS:3.1/constructor:x/__proto__:y',
  ])('rejects %j without throwing', (vector) => {
    expect(scoreCvss(vector)).toBeUndefined();
    expect(isValidCvss(vector)).toBe(false);
  });

  it('never throws on values that are not strings', () => {
    expect(scoreCvss(undefined as unknown as string)).toBeUndefined();
    expect(scoreCvss(42 as unknown as string)).toBeUndefined();
  });
});

const record = (extra: Partial<OsvRecord>): OsvRecord => ({
  id: 'X-1',
  modified: '2024-01-01T00:00:00Z',
  ...extra,
});
const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const V30 = 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N';
const V40 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N';

describe('severityOf', () => {
  it('prefers CVSS v4 over v3.1 over v3.0, whatever their order', () => {
    const sev = [
      { type: 'CVSS_V3', score: V30 },
      { type: 'CVSS_V3', score: V31 },
      { type: 'CVSS_V4', score: V40 },
    ];
    expect(severityOf(record({ severity: sev }))).toEqual({
      severity: 'medium',
      source: 'cvss',
      score: 6.9,
      vector: V40,
      version: '4.0',
    });
    expect(severityOf(record({ severity: sev.slice(0, 2) }))).toMatchObject({ score: 9.8, version: '3.1' });
    expect(severityOf(record({ severity: sev.slice(0, 1) }))).toMatchObject({ score: 7.5, version: '3.0' });
  });

  it('skips invalid vectors and falls back to the database rating', () => {
    const r = record({
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }],
      database_specific: { severity: 'MODERATE' },
    });
    expect(severityOf(r)).toEqual({ severity: 'medium', source: 'database' });
    expect(severityOf(record({ database_specific: { severity: 'critical' } }))?.severity).toBe('critical');
  });

  it('reads per-package severity when the record has none', () => {
    const r = record({
      affected: [{ package: { ecosystem: 'npm', name: 'a' }, severity: [{ type: 'CVSS_V3', score: V31 }] }],
    });
    expect(severityOf(r)?.score).toBe(9.8);
  });

  it('is undefined when nothing says', () => {
    expect(severityOf(record({}))).toBeUndefined();
    expect(
      severityOf(record({ severity: [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }] })),
    ).toBeUndefined();
    expect(severityOf(record({ database_specific: { severity: 'UNKNOWN' } }))).toBeUndefined();
  });
});
