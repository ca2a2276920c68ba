import { describe, expect, it } from 'vitest';
import { parseRange, satisfies, VersionRangeError } from './version-range.js';

const hits = (range: string, ecosystem: string, versions: string[]) =>
  versions.filter((v) => satisfies(parseRange(range), ecosystem, v));

describe('version ranges', () => {
  it('reads comparators, lists of them and alternatives', () => {
    expect(parseRange('<2.17.0')).toEqual([[{ op: '<', version: '2.17.0' }]]);
    expect(parseRange('>=2.0.0 <2.17.1')).toEqual([
      [
        { op: '>=', version: '2.0.0' },
        { op: '<', version: '2.17.1' },
      ],
    ]);
    expect(parseRange('>= 2.0, < 3')).toEqual([
      [
        { op: '>=', version: '2.0' },
        { op: '<', version: '3' },
      ],
    ]);
    expect(parseRange('1.2.3 || 2.x')).toEqual([
      [{ op: '=', version: '1.2.3' }],
      [
        { op: '>=', version: '2.0.0' },
        { op: '<', version: '3.0.0' },
      ],
    ]);
  });

  it('expands npm, RubyGems and PEP 440 shorthands', () => {
    const bounds = (r: string) => parseRange(r)[0]!.map((c) => `${c.op}${c.version}`);
    expect(bounds('^1.2.3')).toEqual(['>=1.2.3', '<2.0.0']);
    expect(bounds('^0.2.3')).toEqual(['>=0.2.3', '<0.3.0']);
    expect(bounds('^0.0.3')).toEqual(['>=0.0.3', '<0.0.4']);
    expect(bounds('~1.2.3')).toEqual(['>=1.2.3', '<1.3.0']);
    expect(bounds('~1')).toEqual(['>=1', '<2.0.0']);
    expect(bounds('~> 2.2')).toEqual(['>=2.2', '<3.0.0']);
    expect(bounds('~=2.2.1')).toEqual(['>=2.2.1', '<2.3.0']);
    expect(bounds('1.2.3 - 2.3')).toEqual(['>=1.2.3', '<2.4.0']);
    expect(bounds('<=1.2')).toEqual(['<1.3.0']);
    expect(bounds('>1.2.x')).toEqual(['>=1.3.0']);
    expect(parseRange('*')).toEqual([[]]);
  });

  it('refuses what it cannot read, with the place', () => {
    expect(() => parseRange('>= ')).toThrow(VersionRangeError);
    expect(() => parseRange('1.0 ||')).toThrow(/empty alternative/);
    expect(() => parseRange('~> 2')).toThrow(/two version parts/);
  });

  it('compares with the ecosystem’s own order', () => {
    // Maven: 2.17 == 2.17.0, and the milestone sorts before the release.
    expect(hits('<2.17.0', 'Maven', ['2.14.1', '2.17', '2.17.0-rc1', '2.17.0', '2.17.1'])).toEqual([
      '2.14.1',
      '2.17.0-rc1',
    ]);
    // PyPI: 2.0rc1 < 2.0 < 2.0.post1.
    expect(hits('>=2.0 <2.1', 'PyPI', ['2.0rc1', '2.0', '2.0.post1', '2.1'])).toEqual(['2.0', '2.0.post1']);
    // Go keeps the v; bounds may leave it out.
    expect(hits('<1.5.0', 'Go', ['v1.4.9', 'v1.5.0'])).toEqual(['v1.4.9']);
    expect(hits('^4.17.0', 'npm', ['4.16.9', '4.17.21', '5.0.0'])).toEqual(['4.17.21']);
    expect(hits('!=1.0.0', 'npm', ['1.0.0', '1.0.1'])).toEqual(['1.0.1']);
  });

  it('falls back to SemVer, and never matches what it cannot order', () => {
    expect(hits('<2', 'SomethingElse', ['1.9.0', '2.0.0', 'not-a-version'])).toEqual(['1.9.0']);
    expect(hits('<2.0.0', 'npm', ['garbage'])).toEqual([]);
  });
});
