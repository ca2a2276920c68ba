import { describe, expect, it } from 'vitest';
import { ECOSYSTEMS } from '../../core/package.js';
import { ORDERINGS, orderingFor } from './index.js';

describe('version ordering registry', () => {
  it('orders every ecosystem Gatehouse knows, each exactly once', () => {
    const served = ORDERINGS.flatMap((o) => o.ecosystems);
    expect([...served].sort()).toEqual([...ECOSYSTEMS].sort());
  });

  it('finds the ordering with or without an OSV release suffix', () => {
    expect(orderingFor('Debian:12')).toBe(orderingFor('Debian'));
    expect(orderingFor('Alpine:v3.19')).toBe(orderingFor('Alpine'));
    expect(orderingFor('Red Hat:enterprise_linux:8::appstream')).toBe(orderingFor('Red Hat'));
    expect(orderingFor('npm')?.compare('2.0.0-beta.3', '2.0.0')).toBe(-1);
  });

  it('knows nothing of ecosystems it cannot order, and is case-sensitive as OSV is', () => {
    expect(orderingFor('CRAN')).toBeUndefined();
    expect(orderingFor('pypi')).toBeUndefined();
    expect(orderingFor('')).toBeUndefined();
  });
});

/** Inputs a hostile lockfile or advisory could carry; no ordering may crash or hang on them. */
const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '1'.repeat(300),
  `1${'.1'.repeat(127)}`,
  `1.0-beta${'1'.repeat(240)}x`,
  `1.0${'-'.repeat(250)}x`,
  `1${'a1'.repeat(127)}`,
  `1:${'~'.repeat(250)}!`,
  `${'0'.repeat(200)}.${'9'.repeat(50)}`,
  '１.０', // full-width digits
  '1.0\u200b',
  'constructor',
  '__proto__',
];

describe.each(ORDERINGS.map((o) => [o.ecosystems.join(', '), o] as const))(
  '%s on hostile input',
  (_, ordering) => {
    it.each(HOSTILE.map((v) => [JSON.stringify(v).slice(0, 40), v]))(
      '%s: answers quickly and never crashes',
      (_, v) => {
        const start = performance.now();
        const valid = ordering.isValid(v);
        if (valid) expect(ordering.compare(v, v)).toBe(0);
        else expect(() => ordering.compare(v, v)).toThrow(/not a valid/);
        expect(performance.now() - start).toBeLessThan(50);
      },
    );

    it('refuses strings too long to be versions', () => {
      expect(ordering.isValid('1'.repeat(257))).toBe(false);
    });
  },
);
