import { describe, expect, it } from 'vitest';
import { DAY_MS } from './sla.js';
import { slaState } from './sla-state.js';

describe('slaState', () => {
  const now = Date.UTC(2026, 5, 1);
  it('places open findings against their due date', () => {
    expect(slaState('open', now - 1, now)).toBe('overdue');
    expect(slaState('confirmed', now, now)).toBe('due_soon');
    expect(slaState('in_progress', now + 7 * DAY_MS - 1, now)).toBe('due_soon');
    expect(slaState('open', now + 7 * DAY_MS, now)).toBe('ok');
  });
  it('gives findings nobody has to fix, and findings without a due date, no SLA state', () => {
    for (const status of ['false_positive', 'risk_accepted', 'fixed', 'closed'])
      expect(slaState(status, now - DAY_MS, now)).toBe('none');
    expect(slaState('open', null, now)).toBe('none');
  });
});
