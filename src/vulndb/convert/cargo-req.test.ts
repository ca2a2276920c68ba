import { describe, expect, it } from 'vitest';
import { parseCargoRequirement } from './cargo-req.js';

const incl = (version: string) => ({ version, inclusive: true });
const excl = (version: string) => ({ version, inclusive: false });

describe('Cargo requirements', () => {
  it.each([
    ['>= 1.2.3', { lower: incl('1.2.3') }],
    ['>=1.2', { lower: incl('1.2.0') }],
    ['> 1.2.3', { lower: excl('1.2.3') }],
    ['> 1.2', { lower: incl('1.3.0') }],
    ['> 0', { lower: incl('1.0.0') }],
    ['< 1.3', { upper: excl('1.3.0') }],
    ['<= 1.2.3', { upper: incl('1.2.3') }],
    ['<= 1.2', { upper: excl('1.3.0') }],
    ['=1.2.3', { lower: incl('1.2.3'), upper: incl('1.2.3') }],
    ['= 1.2', { lower: incl('1.2.0'), upper: excl('1.3.0') }],
    ['1.2.3', { lower: incl('1.2.3'), upper: excl('2.0.0') }],
    ['^1.2.3', { lower: incl('1.2.3'), upper: excl('2.0.0') }],
    ['^ 0.2.3', { lower: incl('0.2.3'), upper: excl('0.3.0') }],
    ['^0.0.3', { lower: incl('0.0.3'), upper: excl('0.0.4') }],
    ['^0.0', { lower: incl('0.0.0'), upper: excl('0.1.0') }],
    ['^0', { lower: incl('0.0.0'), upper: excl('1.0.0') }],
    ['~1.2.3', { lower: incl('1.2.3'), upper: excl('1.3.0') }],
    ['~1', { lower: incl('1.0.0'), upper: excl('2.0.0') }],
    ['1.2.*', { lower: incl('1.2.0'), upper: excl('1.3.0') }],
    ['*', {}],
    ['>= 1.0.0-alpha.1', { lower: incl('1.0.0-alpha.1') }],
    ['< 0.4.0-rc1', { upper: excl('0.4.0-rc1') }],
    ['>= 1.2.3 ', { lower: incl('1.2.3') }],
    ['>= 1.2.3, < 1.3', { lower: incl('1.2.3'), upper: excl('1.3.0') }],
    ['< 2.0.0, >= 1.0.2', { lower: incl('1.0.2'), upper: excl('2.0.0') }],
    ['>= 1.0.0+build.5', { lower: incl('1.0.0') }],
  ])('%j', (req, interval) => {
    expect(parseCargoRequirement(req)).toEqual(interval);
  });

  it.each(['', '>= ', 'one', '>= 1.2.3,', '>= 1.2-beta', '>>1.0', '1.2.3.4', '>= 1.2.3 || < 1'])(
    'refuses %j',
    (req) => {
      expect(() => parseCargoRequirement(req)).toThrow();
    },
  );
});
