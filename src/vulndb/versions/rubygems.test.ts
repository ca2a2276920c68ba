import { describe, expect, it } from 'vitest';
import { rubygemsOrdering as gem } from './rubygems.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('RubyGems ordering', () => {
  it.each([
    // A segment with letters makes a prerelease, which sorts before the release.
    ['1.0.a', '<', '1.0'],
    ['1.0.0.rc1', '<', '1.0.0'],
    ['0.5.0.beta', '<', '0.5.0'],
    ['1.0.0.rc1', '>', '0.9.9'],
    // Trailing zeros do not count, before the letters or at the end.
    ['1.0.0', '=', '1.0'],
    ['1.0.0', '=', '1'],
    ['1.0.0.a', '=', '1.a'],
    ['1.0.a.0', '=', '1.0.a'],
    // Letters and digits split into separate segments.
    ['1.0.rc1', '=', '1.0rc1'],
    ['1.0.0.a10', '>', '1.0.0.a9'],
    // `-` reads as `.pre.`.
    ['1.0.0-rc1', '=', '1.0.0.pre.rc1'],
    ['1.0.0-rc1', '<', '1.0.0.rc1'],
    // Segments compare numerically.
    ['1.10', '>', '1.9'],
    ['7.0.8.1', '>', '7.0.8'],
    ['6.1.7.10', '>', '6.1.7.9'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(gem.compare(a, b)).toBe(SIGN[op]);
    expect(gem.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts prereleases before their release', () => {
    const chain = [
      '1.0.0.a',
      '1.0.0.b',
      '1.0.0.beta.2',
      '1.0.0.pre',
      '1.0.0.rc1',
      '1.0.0.rc2',
      '1.0.0',
      '1.0.0.1',
      '1.0.1',
    ];
    expect([...chain].reverse().sort(gem.compare)).toEqual(chain);
  });

  it.each(['', 'abc', '1..2', '1.0 beta', '-1', 'v1.0', '1.0_1'])('rejects %j', (v) => {
    expect(gem.isValid(v)).toBe(false);
  });
});
