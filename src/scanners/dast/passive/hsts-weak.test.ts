import { describe, expect, it } from 'vitest';
import { runPassive } from '../testing/exchange.js';
import { headers, ORDINARY } from '../testing/pages.js';
import { hstsWeak } from './hsts-weak.js';

const sts = (value: string | string[]) =>
  runPassive(hstsWeak, { headers: headers({ 'strict-transport-security': value }), body: ORDINARY });

describe('dast/hsts-weak', () => {
  it('reports a short max-age and max-age=0', () => {
    expect(sts('max-age=300')[0]!.message).toContain('300 s (5 minutes)');
    expect(sts('max-age=86400; includeSubDomains')[0]!.message).toContain('(1 day)');
    expect(sts('max-age=0')[0]!.message).toContain('forget the policy');
  });

  it('reports headers browsers ignore', () => {
    expect(sts('includeSubDomains; preload')[0]!.message).toContain('no max-age');
    expect(sts('max-age=31536000; max-age=31536000')[0]!.message).toContain('appears twice');
    expect(sts('max-age=one-year')[0]!.message).toContain('not a number');
  });

  it('accepts quoted values, any case and order, and a missing includeSubDomains', () => {
    expect(sts('max-age="31536000"; includeSubDomains')).toEqual([]);
    expect(sts('includeSubDomains; MAX-AGE=63072000')).toEqual([]);
    expect(sts('max-age=15552000')).toEqual([]);
    expect(sts(' max-age=63072000 ;  includesubdomains ; preload ')).toEqual([]);
  });

  it('reads only the first header, as browsers do', () => {
    expect(sts(['max-age=31536000', 'max-age=0'])).toEqual([]);
  });

  it('is not fooled by a missing header or hostile values', () => {
    expect(
      runPassive(hstsWeak, { headers: headers({ 'strict-transport-security': undefined }), body: ORDINARY }),
    ).toEqual([]);
    expect(sts(`max-age=${'9'.repeat(100_000)}`)[0]!.message).toContain('not a number');
    expect(sts(';'.repeat(100_000))[0]!.message).toContain('no max-age');
    const evidence = sts(`max-age=1; ${'x'.repeat(10_000)}`)[0]!.evidence!;
    expect(evidence.length).toBeLessThanOrEqual(200);
  });
});
