import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { Settings } from './settings';

afterEach(cleanup);

const projects: [readonly unknown[], unknown] = [['projects', 'choices'], [{ id: 7, name: 'payments' }]];
const token = {
  id: 3,
  name: 'ci-payments',
  role: 'ci',
  projectId: 7,
  prefix: 'ghs_ab12',
  createdAt: '2026-01-05T10:00:00.000Z',
  createdBy: 'admin@test.example',
  lastUsedAt: null,
  revokedAt: null,
};

describe('Settings', () => {
  for (const role of ['security', 'developer', 'auditor'] as const)
    it(`tells the ${role} role it is not allowed, and shows none of the settings`, () => {
      renderSignedIn(<Settings />, { role, path: '/settings?section=tokens' });
      expect(screen.getByRole('heading', { name: 'Not allowed' })).toBeTruthy();
      expect(screen.getByRole('alert').textContent).toContain(`Your role (${role}) may not see the settings`);
      expect(screen.queryByRole('heading', { name: 'API tokens' })).toBeNull();
      expect(screen.queryByRole('navigation', { name: 'Settings sections' })).toBeNull();
    });

  it('opens the section the URL names, for an admin', () => {
    renderSignedIn(<Settings />, {
      path: '/settings?section=tokens',
      data: [projects, [['tokens', false], { tokens: [token] }]],
    });
    const tabs = screen.getByRole('navigation', { name: 'Settings sections' });
    expect(within(tabs).getByRole('link', { name: 'API tokens' }).getAttribute('aria-current')).toBe('page');
    expect(within(tabs).getByRole('link', { name: 'Users' }).getAttribute('href')).toBe(
      '/settings?section=users',
    );
    const row = screen.getByRole('row', { name: /ci-payments/ });
    // Only the prefix of a stored token is ever shown, and where it may be used.
    expect(within(row).getByText('ghs_ab12…')).toBeTruthy();
    expect(within(row).getByText('payments')).toBeTruthy();
    expect(within(row).getByText('never')).toBeTruthy();
  });

  it('asks for a token name before creating one', () => {
    renderSignedIn(<Settings />, {
      path: '/settings?section=tokens',
      data: [projects, [['tokens', false], { tokens: [] }]],
    });
    expect(screen.getByRole('heading', { name: 'No API token yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    const name = screen.getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const problem = document.getElementById(name.getAttribute('aria-describedby')!)!;
    expect(problem.textContent).toBe('Give the token a name: the pipeline or script that will use it.');
    expect(problem.getAttribute('role')).toBe('alert');
  });
});
