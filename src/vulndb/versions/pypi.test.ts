import { describe, expect, it } from 'vitest';
import { pypiOrdering as pypi } from './pypi.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('PEP 440 ordering (PyPI)', () => {
  it.each([
    // Normalisation: the spellings PEP 440 accepts for the same version are equal.
    ['1.0.0a1', '=', '1.0.0-alpha.1'],
    ['1.0.0a1', '=', '1.0.0.alpha1'],
    ['1.0.0a1', '=', '1.0.0_a_1'],
    ['1.0b2', '=', '1.0-BETA2'],
    ['1.0rc1', '=', '1.0c1'],
    ['1.0rc1', '=', '1.0-pre1'],
    ['1.0rc1', '=', '1.0preview1'],
    ['1.0.post1', '=', '1.0-1'],
    ['1.0.post1', '=', '1.0-r1'],
    ['1.0.post0', '=', '1.0.post'],
    ['1.0.dev0', '=', '1.0-dev'],
    ['1.0', '=', '1.0.0'],
    ['1.0', '=', '1'],
    ['1.0', '=', 'v1.0'],
    ['1.0', '=', ' 1.0 '],
    ['01.002', '=', '1.2'],
    ['1.0+ubuntu-1', '=', '1.0+ubuntu.1'],
    ['1.0+Local', '=', '1.0+local'],
    // Epochs beat everything else.
    ['1!0.1', '>', '2024.1'],
    ['0!1.0', '=', '1.0'],
    // Pre, post and dev releases.
    ['2.0.0rc1', '<', '2.0.0'],
    ['2.0.0.dev1', '<', '2.0.0a1'],
    ['2.0.0a1.dev1', '<', '2.0.0a1'],
    ['2.0.0.post1.dev1', '<', '2.0.0.post1'],
    ['2.0.0.post1.dev1', '>', '2.0.0'],
    // Local versions sort after their public version; numeric segments after alphanumeric ones.
    ['1.0+1', '>', '1.0+abc'],
    ['1.0+abc.1', '<', '1.0+abc.1.0'],
    ['1.0+local', '<', '1.0.post1'],
    ['1.10', '>', '1.9'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(pypi.compare(a, b)).toBe(SIGN[op]);
    expect(pypi.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it('sorts the example of PEP 440 "Summary of permitted suffixes and relative ordering"', () => {
    const chain = [
      '1.dev0',
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ];
    expect([...chain].reverse().sort(pypi.compare)).toEqual(chain);
  });

  it.each([
    '',
    'abc',
    'latest',
    '1.0-foo',
    '1..0',
    '1.0+',
    '1.0.x',
    '0.4-rc1-stable',
    '-class.-jw.util.version.Version-',
  ])('rejects the legacy or non-version %j', (v) => {
    expect(pypi.isValid(v)).toBe(false);
    expect(() => pypi.compare(v, '1.0')).toThrow(/not a valid PEP 440 version/);
  });
});
