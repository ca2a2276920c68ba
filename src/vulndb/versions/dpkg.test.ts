import { describe, expect, it } from 'vitest';
import { dpkgOrdering as dpkg } from './dpkg.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

/** Every row was checked with `dpkg --compare-versions`. */
describe('dpkg ordering (Debian, Ubuntu)', () => {
  it.each([
    // `~` sorts before everything, even the end: pre-releases and backports.
    ['1.0~rc1', '<', '1.0'],
    ['1.0.0~rc1-1', '<', '1.0.0-1'],
    ['1.2.3-1~bpo11+1', '<', '1.2.3-1'],
    // Letters sort before non-letters.
    ['1.0a', '<', '1.0+'],
    ['1.0+dfsg-1', '>', '1.0-1'],
    // Epochs: missing is 0, and any epoch beats any upstream version.
    ['0:1.0', '=', '1.0'],
    ['1:0.9', '>', '2.0'],
    // The revision is what follows the last `-`; missing equals `0`.
    ['1.0', '=', '1.0-0'],
    ['1.2-3-4', '<', '1.2-4-1'],
    ['1.0-1', '<', '1.0-10'],
    ['1.2.3-1+deb12u1', '>', '1.2.3-1'],
    ['2.36-9+deb12u4', '<', '2.36-9+deb12u10'],
    ['7.88.1-10+deb12u5', '<', '7.88.1-10+deb12u12'],
    ['2.7.4-0ubuntu1.6', '<', '2.7.4-0ubuntu1.10'],
    // Digit runs compare as numbers.
    ['1.010', '=', '1.10'],
    ['1.9', '<', '1.10'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(dpkg.compare(a, b)).toBe(SIGN[op]);
    expect(dpkg.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts the example of Debian Policy 5.6.12: ~~ < ~~a < ~ < (nothing) < a', () => {
    const chain = ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a'];
    expect([...chain].reverse().sort(dpkg.compare)).toEqual(chain);
  });

  it.each(['', 'a1.0', '1.0-', ':1.0', 'x:1.0', '1.0 beta', '1.0_1', '1:'])('rejects %j', (v) => {
    expect(dpkg.isValid(v)).toBe(false);
  });
});
