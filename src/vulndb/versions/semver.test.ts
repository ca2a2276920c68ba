import { describe, expect, it } from 'vitest';
import { semverOrdering as semver } from './semver.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('SemVer ordering (npm, crates.io, Hex, Pub)', () => {
  it.each([
    // A prerelease sorts before its release: "fixed in 2.0.0" covers 2.0.0-beta.3.
    ['2.0.0-beta.3', '<', '2.0.0'],
    ['2.0.0-beta.3', '>', '1.9.9'],
    ['5.0.0-alpha.1', '<', '5.0.0-beta.3'],
    // Numeric identifiers compare as numbers, alphanumeric ones as text, numbers first.
    ['1.2.3-alpha.10', '>', '1.2.3-alpha.9'],
    ['1.2.3-alpha10', '<', '1.2.3-alpha9'],
    ['1.0.0-1', '<', '1.0.0-a'],
    ['10.0.0', '>', '9.99.99'],
    // Build metadata takes no part in the order.
    ['1.0.0+build.1', '=', '1.0.0+build.2'],
    ['1.0.0+20130313144700', '=', '1.0.0'],
    ['1.0.0-rc.1+build.1', '<', '1.0.0'],
    // Leading `v` and `=` as npm tolerates them.
    ['v1.2.3', '=', '1.2.3'],
    ['=1.2.3', '=', '1.2.3'],
    ['=v1.2.3', '=', '1.2.3'],
    [' 1.2.3 ', '=', '1.2.3'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(semver.compare(a, b)).toBe(SIGN[op]);
    expect(semver.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts the precedence example of the SemVer 2.0.0 specification', () => {
    const chain = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ];
    expect([...chain].reverse().sort(semver.compare)).toEqual(chain);
  });

  it.each(['', '1.2', '01.2.3', '1.2.3.4', 'latest', '^1.2.3', '1.2.3-', '1.2.3-01', 'x.y.z', '1.2.3 beta'])(
    'rejects %j',
    (v) => {
      expect(semver.isValid(v)).toBe(false);
      expect(() => semver.compare(v, '1.0.0')).toThrow(/not a valid SemVer version/);
    },
  );
});
