import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../session/session';
import { renderSignedIn } from '../ui/render-signed-in';
import { changes, type Project, ProjectSettings, teamsKey } from './project-settings';

afterEach(cleanup);

const project: Project = {
  id: 3,
  name: 'billing',
  repository: 'https://git.example.com/acme/billing',
  defaultBranch: 'main',
  tier: 'medium',
  team: { id: 2, name: 'payments' },
  open: { critical: 1, high: 0, medium: 0, low: 0, info: 0 },
  lastScanAt: null,
};

const teams = {
  teams: [
    { id: 2, name: 'payments', createdAt: '2026-01-01T00:00:00.000Z', projects: 1 },
    { id: 5, name: 'platform', createdAt: '2026-01-01T00:00:00.000Z', projects: 0 },
  ],
};

function renderAs(role: Role, projectId: number | null = null) {
  renderSignedIn(<ProjectSettings project={project} />, {
    role,
    data: [
      [teamsKey, teams],
      [
        ['session'],
        { user: { id: 1, email: 'u@test.example', name: 'u', role, projectId }, csrfToken: 'test' },
      ],
    ],
  });
}

describe('project settings', () => {
  it.each(['admin', 'security'] as const)(
    'lets %s change tier, owner team, repository and branch',
    (role) => {
      renderAs(role);
      expect(screen.getByRole('form', { name: 'Project settings' })).toBeTruthy();
      const tier = screen.getByRole('combobox', { name: 'Tier' }) as HTMLSelectElement;
      expect(tier.value).toBe('medium');
      const team = screen.getByRole('combobox', { name: 'Owner team' }) as HTMLSelectElement;
      expect(team.value).toBe('2');
      expect([...team.options].map((o) => o.textContent)).toEqual(['No team', 'payments', 'platform']);
      expect((screen.getByRole('textbox', { name: 'Repository' }) as HTMLInputElement).value).toBe(
        project.repository,
      );
      expect(screen.getByRole('button', { name: 'Save settings' })).toBeTruthy();
    },
  );

  it.each(['developer', 'auditor'] as const)(
    'shows %s the settings without a control to change them',
    (role) => {
      renderAs(role);
      expect(screen.queryByRole('form')).toBeNull();
      expect(screen.queryByRole('combobox')).toBeNull();
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.getByText('Tier').nextSibling?.textContent).toBe('medium');
      expect(screen.getByText('payments')).toBeTruthy();
      expect(screen.getByRole('link', { name: project.repository! }).getAttribute('rel')).toBe(
        'noopener noreferrer',
      );
    },
  );

  it('gives a security user limited to one project no control (the server refuses such changes)', () => {
    renderAs('security', 3);
    expect(screen.queryByRole('combobox', { name: 'Tier' })).toBeNull();
    expect(screen.getByText('Tier').nextSibling?.textContent).toBe('medium');
  });
});

describe('changes', () => {
  const form = (over: Record<string, string>) => {
    const f = new FormData();
    const values = {
      tier: 'medium',
      team: '2',
      repository: project.repository!,
      defaultBranch: 'main',
      ...over,
    };
    for (const [k, v] of Object.entries(values)) f.set(k, v);
    return f;
  };

  it('sends only what changed; empty text clears a field and "No team" removes the owner', () => {
    expect(changes(project, form({}))).toBeUndefined();
    expect(changes(project, form({ tier: 'critical' }))).toEqual({ tier: 'critical' });
    expect(changes(project, form({ team: '', repository: '  ', defaultBranch: 'trunk' }))).toEqual({
      teamId: null,
      repository: null,
      defaultBranch: 'trunk',
    });
    expect(changes(project, form({ team: '5' }))).toEqual({ teamId: 5 });
  });
});
