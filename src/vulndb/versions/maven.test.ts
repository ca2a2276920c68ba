import { describe, expect, it } from 'vitest';
import { mavenOrdering as maven } from './maven.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

/** Every row was checked against Maven 3.9.6's own ComparableVersion. */
describe('Maven ordering', () => {
  it.each([
    // The "End Result Examples" of the POM reference's Version Order Specification.
    ['1', '<', '1.1'],
    ['1-snapshot', '<', '1'],
    ['1', '<', '1-sp'],
    ['1-foo2', '<', '1-foo10'],
    ['1-foo', '<', '1-1'],
    ['1-1', '<', '1.1'],
    ['1.ga', '=', '1-ga'],
    ['1-ga', '=', '1-0'],
    ['1-0', '=', '1.0'],
    ['1.0', '=', '1'],
    ['1-sp', '>', '1-ga'],
    ['1-sp.1', '>', '1-ga.1'],
    ['1-sp-1', '<', '1-ga-1'],
    ['1-a1', '=', '1-alpha-1'],
    // Two examples on that page disagree with Maven itself; Gatehouse follows Maven.
    // The page says "1-ga-1" = "1-1", but the nesting at each `-` survives the trimming.
    ['1-ga-1', '<', '1-1'],
    // The page says "1.foo" < "1-foo", but Maven 3.9 reads a final `.foo` as `-foo`.
    ['1.foo', '=', '1-foo'],
    // Its splitting and trimming examples.
    ['1-1.foo-bar1baz-.1', '=', '1-1.foo-bar-1-baz-0.1'],
    ['1.0.0', '=', '1'],
    ['1.final', '=', '1'],
    ['1.', '=', '1'],
    ['1-', '=', '1'],
    ['1.0.0-foo.0.0', '=', '1-foo'],
    ['1.0.0-0.0.0', '=', '1'],
    // Qualifier aliases, case-insensitive.
    ['1.0-rc1', '=', '1.0-cr1'],
    ['1.0-RC1', '=', '1.0.RC1'],
    ['1.0ALPHA1', '=', '1.0-a1'],
    ['1.0-b2', '=', '1.0-beta-2'],
    ['1.0-m3', '=', '1.0-milestone-3'],
    ['1.0-RELEASE', '=', '1.0'],
    ['1.0.Final', '=', '1.0-GA'],
    // `a`, `b`, `m` only abbreviate when a digit follows; alone they are unknown qualifiers.
    ['1.0-a', '>', '1.0-sp'],
    // Real-world spellings from advisories.
    ['5.2.20.RELEASE', '=', '5.2.20'],
    ['5.2.19.RELEASE', '<', '5.2.20.RELEASE'],
    ['5.3.0.RC1', '<', '5.3.0'],
    ['2.12.6.1', '>', '2.12.6'],
    ['2.13.2.1', '<', '2.13.3'],
    ['2.4.0-rc1', '<', '2.4.0'],
    ['2.15.0-rc2', '<', '2.15.0'],
    ['3.1.0.SP1', '>', '3.1.0'],
    ['3.1.0.SP1', '<', '3.1.1'],
    ['31.1-jre', '<', '32.0.0-android'],
    ['32.0.0-android', '<', '32.0.0-jre'],
    ['1.0-jre', '>', '1.0'],
    ['1.0-SNAPSHOT', '<', '1.0'],
    ['1.0-SNAPSHOT', '>', '1.0-rc1'],
    ['1-ga.1', '>', '1'],
    // Qualifiers are untrusted text; these are plain unknown qualifiers.
    ['1-constructor', '<', '1-foo'],
    ['1-__proto__', '>', '1-sp'],
    ['1-__proto__', '<', '1-a'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(maven.compare(a, b)).toBe(SIGN[op]);
    expect(maven.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('orders the qualifiers alpha < beta < milestone < rc < snapshot < release < sp < unknown', () => {
    const chain = [
      'NotAVersionString',
      '1.0a1-SNAPSHOT',
      '1.0-alpha1',
      '1.0beta1-SNAPSHOT',
      '1.0-b2',
      '1.0-beta3.SNAPSHOT',
      '1.0-beta3',
      '1.0-milestone1-SNAPSHOT',
      '1.0-m2',
      '1.0-rc1-SNAPSHOT',
      '1.0-cr2',
      '1.0-SNAPSHOT',
      '1.0',
      '1.0-sp',
      '1.0-a',
      '1.0-android',
      '1.0-jre',
      '1.0-whatever',
      '1.0.z',
      '1.0.1',
      '1.0.1.0.0.0.0.0.0.0.0.0.0.0.1',
      '1.0.1.0.0.0.0.0.0.0.0.0.0.0.2',
      '18446744073709551616',
    ];
    expect([...chain].reverse().sort(maven.compare)).toEqual(chain);
  });

  it.each(['', ' ', '1.0 beta', '1.0\n'])('rejects %j', (v) => {
    expect(maven.isValid(v)).toBe(false);
  });
});
