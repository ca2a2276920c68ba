import { describe, expect, it } from 'vitest';
import {
  confidenceFromWord,
  scoreOf,
  severityFromLevel,
  severityFromScore,
  severityFromWord,
} from './severity.js';

describe('severity mapping', () => {
  it('maps CVSS scores at the qualitative boundaries', () => {
    const cases: [number, string | undefined][] = [
      [10, 'critical'],
      [9, 'critical'],
      [8.9, 'high'],
      [7, 'high'],
      [6.9, 'medium'],
      [4, 'medium'],
      [3.9, 'low'],
      [0.1, 'low'],
      [0, 'info'],
      [-1, undefined],
      [Number.NaN, undefined],
    ];
    for (const [score, severity] of cases)
      expect([score, severityFromScore(score)]).toEqual([score, severity]);
  });

  it('reads scores written as numbers or numeric strings only', () => {
    expect([
      scoreOf('8.8'),
      scoreOf(' 7 '),
      scoreOf(5),
      scoreOf('high'),
      scoreOf('8.8.1'),
      scoreOf(null),
    ]).toEqual([8.8, 7, 5, undefined, undefined, undefined]);
  });

  it('reads severity words in any case, and not `unknown`', () => {
    expect(
      ['CRITICAL', 'High', 'moderate', 'Low', 'informational', 'negligible', 'unknown', 42].map(
        severityFromWord,
      ),
    ).toEqual(['critical', 'high', 'medium', 'low', 'info', 'info', undefined, undefined]);
  });

  it('maps SARIF levels', () => {
    expect(['error', 'warning', 'note', 'none', 'fatal'].map(severityFromLevel)).toEqual([
      'high',
      'medium',
      'low',
      'info',
      undefined,
    ]);
  });

  it('maps precision and confidence words', () => {
    expect(['very-high', 'HIGH', 'medium', 'low', 'certain'].map(confidenceFromWord)).toEqual([
      'high',
      'high',
      'medium',
      'low',
      undefined,
    ]);
  });
});
