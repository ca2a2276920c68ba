import { describe, expect, it } from 'vitest';
import { packagistOrdering as composer } from './packagist.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('Composer ordering (Packagist)', () => {
  it.each([
    // Normalisation: `v`, padding to four parts, stability spellings, `-stable`, build metadata.
    ['v1.0.0', '=', '1.0.0'],
    ['1.0', '=', '1.0.0.0'],
    ['1.0.0-beta2', '=', '1.0.0b2'],
    ['1.0.0-beta2', '=', '1.0.0.beta2'],
    ['1.0.0-beta2', '=', '1.0.0-B2'],
    ['1.0.0-rc1', '=', '1.0.0-RC1'],
    ['1.0.0-p1', '=', '1.0.0-patch1'],
    ['1.0.0-pl1', '=', '1.0.0-patch1'],
    ['1.0.0-stable', '=', '1.0.0'],
    ['1.0.0+build.7', '=', '1.0.0'],
    // Stabilities: dev < alpha < beta < RC < stable < patch.
    ['1.0.0-beta2-dev', '<', '1.0.0-beta2'],
    ['1.0.0-beta', '<', '1.0.0-beta1'],
    ['2.0.0-beta.2.1', '>', '2.0.0-beta.2'],
    ['1.0.0-patch1', '<', '1.0.0.1'],
    ['1.0.0-RC1', '>', '0.9.9'],
    // Date versions.
    ['20230101', '<', '20230102'],
    ['2023-01-02', '<', '2023-01-02-1'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(composer.compare(a, b)).toBe(SIGN[op]);
    expect(composer.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts the stabilities around a release', () => {
    const chain = [
      '1.0.0-dev',
      '1.0.0-alpha1',
      '1.0.0-alpha2',
      '1.0.0-beta1',
      '1.0.0-beta2',
      '1.0.0-RC1',
      '1.0.0',
      '1.0.0-patch1',
      '1.0.0-patch2',
      '1.0.0.1',
      '1.0.1',
    ];
    expect([...chain].reverse().sort(composer.compare)).toEqual(chain);
  });

  it.each([
    '',
    'dev-main',
    'dev-master',
    '2.x-dev',
    '1.0.x-dev',
    'master',
    '1.0.0.0.0',
    '1.0-foo',
    '1.0.0-1',
  ])('rejects %j: a branch or not a version', (v) => {
    expect(composer.isValid(v)).toBe(false);
  });
});
