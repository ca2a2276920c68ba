import { describe, expect, it } from 'vitest';
import { boundedDistance, OneEditIndex } from './distance.js';

describe('boundedDistance', () => {
  it.each([
    ['lodash', 'lodash', 0],
    ['loadsh', 'lodash', 1],
    ['lodas', 'lodash', 1],
    ['lodashh', 'lodash', 1],
    ['lodahs', 'lodash', 1],
    ['ldoash', 'lodash', 1],
    ['dolash', 'lodash', 2],
    ['', 'ab', 2],
    ['kitten', 'sitting', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(boundedDistance(a, b, 5)).toBe(d);
    expect(boundedDistance(b, a, 5)).toBe(d);
  });

  it('stops at the bound', () => {
    expect(boundedDistance('kitten', 'sitting', 1)).toBe(2);
    expect(boundedDistance('a'.repeat(10_000), 'b', 1)).toBe(2);
  });
});

describe('OneEditIndex', () => {
  it('finds exactly the strings one edit away, as a full comparison would', () => {
    const words = [
      'lodash',
      'lodahs',
      'lodas',
      'lodassh',
      'xodash',
      'ldoash',
      'react',
      'raect',
      'reac',
      'reacts',
      'ab',
      'abc',
    ];
    const index = new OneEditIndex<string>();
    for (const w of words) index.add(w, w);
    for (const q of [...words, 'lodsh', 'odash', 'lodashx', 'racet']) {
      const expected = words.filter((w) => boundedDistance(q, w, 1) === 1).sort();
      expect(
        index
          .near(q)
          .map((e) => e.value)
          .sort(),
        q,
      ).toEqual(expected);
    }
  });
});
