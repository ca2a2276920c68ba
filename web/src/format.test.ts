import { describe, expect, it } from 'vitest';
import { formatCount, formatDays, formatPercent } from './format';

describe('number formats', () => {
  it('shows missing data as a dash, not as zero', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatDays(undefined)).toBe('—');
    expect(formatPercent(0)).toMatch(/^0\s%$/);
  });
  it('rounds percentages to one decimal and counts to integers', () => {
    expect(formatPercent(0.12345)).toMatch(/^12\.3\s%$/);
    expect(formatCount(1234.6)).toMatch(/^1[,.\s\u202f]?235$/);
  });
});
