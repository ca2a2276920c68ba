import { describe, expect, it } from 'vitest';
import { rpmOrdering as rpm, rpmvercmp } from './rpm.js';

const SIGN = { '<': -1, '=': 0, '>': 1 } as const;

describe('RPM ordering (Red Hat, Rocky Linux, AlmaLinux, Amazon Linux)', () => {
  it.each([
    // A missing epoch is 0, and the epoch beats the version.
    ['1.0-1', '=', '0:1.0-1'],
    ['1:0.9-1', '>', '2.0-1'],
    ['0:2.0-1', '<', '1:1.0-1'],
    ['2:1.0-1.el8', '>', '1.0-1.el8'],
    // Version first, then release.
    ['1.0-2.el8', '>', '1.0-1.el8'],
    ['1.0-10.el8', '>', '1.0-9.el8'],
    ['1.1-1.el8', '>', '1.0-99.el8'],
    ['3.6.8-51.el8_8.1', '>', '3.6.8-51.el8'],
    ['1.0', '<', '1.0-1'],
    // `~` sorts before the end, `^` after it but before anything more.
    ['1.0~rc1-1', '<', '1.0-1'],
    ['1.0^git1-1', '>', '1.0-1'],
    ['1.0^git1-1', '<', '1.0.1-1'],
  ] as const)('%s %s %s', (a, op, b) => {
    expect(rpm.compare(a, b)).toBe(SIGN[op]);
    expect(rpm.compare(b, a)).toBe(0 - SIGN[op]);
  });

  it.each([
    ['1.0', '1.0', 0],
    ['2.0.1a', '2.0.1', 1],
    ['5.5p1', '5.5p10', -1],
    ['10xyz', '10.1xyz', -1],
    ['xyz.4', '8', -1],
    ['6.0.rc1', '6.0', 1],
    ['10b2', '10a1', 1],
    ['1.0a', '1.0aa', -1],
    ['10.0001', '10.1', 0],
    ['4.999.9', '5.0', -1],
    ['2_0', '2.0', 0],
    ['a+', 'a_', 0],
    ['1.0~rc1', '1.0~rc2', -1],
    ['1.0~rc1~git123', '1.0~rc1', -1],
    ['1.0^', '1.0', 1],
    ['1.0^git1', '1.01', -1],
    ['1.0^20160101', '1.0.1', -1],
    ['1.0^20160102', '1.0^20160101^git1', 1],
    ['1.0~rc1^git1', '1.0~rc1', 1],
    ['1.0^git1~pre', '1.0^git1', -1],
  ] as const)('rpmvercmp(%s, %s) = %d', (a, b, want) => {
    expect(Math.sign(rpmvercmp(a, b))).toBe(want);
    expect(Math.sign(rpmvercmp(b, a))).toBe(0 - want);
  });

  it.each(['', '1.0-1-2', 'a:1.0', '1.0 -1', '1.0-', ':1.0', '1.0/1'])('rejects %j', (v) => {
    expect(rpm.isValid(v)).toBe(false);
  });
});
