import { describe, expect, it } from 'vitest';
import { nugetOrdering as nuget } from './nuget.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('NuGet ordering', () => {
  it.each([
    // Up to four numeric parts; missing ones are zero.
    ['1.0', '=', '1.0.0'],
    ['1.0', '=', '1.0.0.0'],
    ['1', '=', '1.0'],
    ['1.01', '=', '1.1'],
    ['1.0.0.1', '>', '1.0.0'],
    ['13.0.1', '>', '13.0.0.99'],
    // Prerelease labels: case-insensitive, numeric before alphanumeric, more labels win.
    ['1.0.0-Beta', '=', '1.0.0-beta'],
    ['1.0.0-RC.1', '=', '1.0.0-rc.1'],
    ['1.0.0-alpha', '<', '1.0.0-beta'],
    ['1.0.0-beta', '<', '1.0.0'],
    ['1.0.0.1-beta', '<', '1.0.0.1'],
    ['1.0.0-1', '<', '1.0.0-alpha'],
    ['1.0.0-alpha.2', '<', '1.0.0-alpha.10'],
    ['1.0.0-alpha', '<', '1.0.0-alpha.1'],
    // Build metadata takes no part in the order.
    ['1.0.0+meta', '=', '1.0.0'],
    ['1.0.0-beta+a', '=', '1.0.0-beta+b'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(nuget.compare(a, b)).toBe(SIGN[op]);
    expect(nuget.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it.each(['', '1.0.0.0.0', 'v1.0', '1.0-', '1.0.0-beta_1', '1.0.0-', 'abc', '1..0'])('rejects %j', (v) => {
    expect(nuget.isValid(v)).toBe(false);
  });
});
