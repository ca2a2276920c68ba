import { describe, expect, it } from 'vitest';
import { apkOrdering as apk } from './apk.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('apk ordering (Alpine)', () => {
  it.each([
    ['1.2.3_rc1', '<', '1.2.3'],
    ['1.2.3', '<', '1.2.3_p1'],
    ['1.2.3-r0', '=', '1.2.3'],
    ['1.2.3-r1', '<', '1.2.3-r2'],
    ['1.2.3-r10', '>', '1.2.3-r9'],
    ['1.2.3_p1-r0', '>', '1.2.3-r5'],
    ['1.2.3a', '>', '1.2.3_p9'],
    ['1.2.3a', '<', '1.2.4'],
    ['1.2.3_git20200101', '>', '1.2.3'],
    ['1.2.3_git20200101', '<', '1.2.3_p1'],
    ['1.2.3_rc', '=', '1.2.3_rc0'],
    ['1.2.3_rc1_p1', '>', '1.2.3_rc1'],
    ['1.2.3_rc1_p1', '<', '1.2.3_rc2'],
    // More numeric parts is newer; a later part with a leading zero is a decimal fraction.
    ['1.2', '<', '1.2.0'],
    ['1.10', '>', '1.9'],
    ['1.01', '<', '1.1'],
    ['3.0.8-r0', '<', '3.0.12-r0'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(apk.compare(a, b)).toBe(SIGN[op]);
    expect(apk.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts the suffixes around a release', () => {
    const chain = [
      '1.2.3_alpha',
      '1.2.3_beta2',
      '1.2.3_pre1',
      '1.2.3_rc1',
      '1.2.3_rc2',
      '1.2.3',
      '1.2.3-r1',
      '1.2.3_cvs',
      '1.2.3_svn',
      '1.2.3_git1',
      '1.2.3_hg',
      '1.2.3_p1',
      '1.2.3a',
      '1.2.4',
    ];
    expect([...chain].reverse().sort(apk.compare)).toEqual(chain);
  });

  it.each(['', 'a1.2', '1.2.3_foo', '1.2.3-r', '1.2.3ab', '1.2.3-1', 'v1.2.3', '1.2.3_rc1a'])(
    'rejects %j',
    (v) => {
      expect(apk.isValid(v)).toBe(false);
    },
  );
});
