import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { SlaSettings } from './settings-sla';
import { fromGrid, gridProblems, type Policy, toGrid } from './settings-sla-policy';

afterEach(cleanup);

const tier = (c: number) => ({ critical: c, high: c * 2, medium: c * 4, low: c * 8 });
const policy: Policy = {
  days: { critical: { ...tier(7), info: 365 }, high: tier(14), medium: tier(30), low: tier(60) },
  restartOnReopen: false,
};

describe('SLA policy settings', () => {
  it('reads a policy into the grid and back unchanged (info empty: no SLA)', () => {
    const grid = toGrid(policy);
    expect(grid.high.info).toBe('');
    expect(grid.critical.info).toBe('365');
    expect(gridProblems(grid)).toEqual({});
    expect(fromGrid(grid, false)).toEqual(policy);
  });

  it('shows the table by tier and severity and says which cell is wrong', () => {
    renderSignedIn(<SlaSettings />, { data: [[['sla-policy'], policy]] });
    const cell = screen.getByLabelText(
      'medium-tier projects, high findings: days to fix',
    ) as HTMLInputElement;
    expect(cell.value).toBe('60');
    fireEvent.change(cell, { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('low-tier projects, critical findings: days to fix'), {
      target: { value: '2.5' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    const alert = screen.getByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'medium-tier high findings: a whole number of days from 1 to 3650.',
      'low-tier critical findings: a whole number of days from 1 to 3650.',
    ]);
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
