import { describe, expect, it } from 'vitest';
import { complement, type Interval, nextVersion, toRanges, union } from './intervals.js';

const incl = (version: string) => ({ version, inclusive: true });
const excl = (version: string) => ({ version, inclusive: false });

describe('nextVersion', () => {
  it.each([
    ['1.2.3', '1.2.4-0'],
    ['0.0.0', '0.0.1-0'],
    ['1.0.0-rc.1', '1.0.0-rc.1.0'],
    ['1.0.0-alpha', '1.0.0-alpha.0'],
  ])('after %s comes %s', (v, next) => {
    expect(nextVersion(v)).toBe(next);
  });

  it('refuses what is not SemVer', () => {
    expect(() => nextVersion('1.2')).toThrow(/not a SemVer/);
  });
});

describe('union', () => {
  it('merges overlapping and touching intervals, keeps gaps', () => {
    const merged = union([
      { lower: incl('2.0.0'), upper: excl('3.0.0') },
      { lower: incl('1.0.0'), upper: excl('2.0.0') },
      { lower: excl('3.0.0') },
    ]);
    // 3.0.0 itself is in neither: [1, 3) and (3, ∞) stay apart.
    expect(merged).toEqual([{ lower: incl('1.0.0'), upper: excl('3.0.0') }, { lower: excl('3.0.0') }]);
  });

  it('drops empty intervals', () => {
    expect(
      union([
        { lower: incl('2.0.0'), upper: excl('1.0.0') },
        { lower: excl('1.0.0'), upper: incl('1.0.0') },
      ]),
    ).toEqual([]);
  });
});

describe('complement', () => {
  it('of nothing is everything', () => {
    expect(complement([])).toEqual([{}]);
  });

  it('of everything is nothing', () => {
    expect(complement([{}])).toEqual([]);
  });

  it('leaves the gaps with flipped bounds', () => {
    const safe: Interval[] = [
      { upper: excl('1.0.0') },
      { lower: incl('1.0.2'), upper: excl('2.0.0') },
      { lower: incl('2.0.2') },
    ];
    expect(complement(safe)).toEqual([
      { lower: incl('1.0.0'), upper: excl('1.0.2') },
      { lower: incl('2.0.0'), upper: excl('2.0.2') },
    ]);
  });

  it('keeps a single excluded version', () => {
    expect(complement([{ upper: excl('1.5.0') }, { lower: excl('1.5.0') }])).toEqual([
      { lower: incl('1.5.0'), upper: incl('1.5.0') },
    ]);
  });
});

describe('toRanges', () => {
  it('writes introduced / fixed / last_affected, one range per interval', () => {
    expect(
      toRanges(
        [{ upper: excl('1.0.0') }, { lower: excl('1.2.3'), upper: incl('1.4.0') }, { lower: incl('2.0.0') }],
        'SEMVER',
      ),
    ).toEqual([
      { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.0' }] },
      { type: 'SEMVER', events: [{ introduced: '1.2.4-0' }, { last_affected: '1.4.0' }] },
      { type: 'SEMVER', events: [{ introduced: '2.0.0' }] },
    ]);
  });
});
