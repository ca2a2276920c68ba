import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../session/session';
import { renderSignedIn } from '../ui/render-signed-in';
import { Exceptions } from './exceptions';
import { DAY_MS, type ExceptionItem, reach } from './exceptions-scope';

afterEach(cleanup);

const exception = (over: Partial<ExceptionItem>): ExceptionItem => ({
  id: 1,
  kind: 'rule',
  status: 'pending',
  project: 'payments',
  team: null,
  fingerprint: null,
  rule: 'sast/sql-injection',
  pathGlob: 'test/**',
  advisory: null,
  package: null,
  reason: 'Test fixtures build SQL on purpose.',
  requestedBy: 'dev@test.example',
  requestedAt: '2026-03-01T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionComment: null,
  expiresAt: null,
  ...over,
});

const view = (tab: string) => ({ tab, project: '', status: '' });

function renderList(role: Role, tab: string, rows: ExceptionItem[]) {
  return renderSignedIn(<Exceptions />, {
    role,
    path: `/exceptions?tab=${tab}`,
    data: [
      [['exceptions', view(tab)], { exceptions: rows, next: null }],
      ...rows.map((e): [unknown[], unknown] => [
        ['exception', e.id],
        { exception: e, findings: { count: 3, ids: [] } },
      ]),
    ],
  });
}

describe('where an exception applies', () => {
  it('names the team or says every project', () => {
    expect(reach(exception({ project: null, team: 'core' })).label).toBe('team core (all its projects)');
    expect(reach(exception({ project: null })).label).toBe('every project');
  });
});

describe('Exceptions page', () => {
  it('lists pending requests with scope, reason, requester and a link to the project', () => {
    renderList('security', 'pending', [
      exception({}),
      exception({
        id: 2,
        kind: 'fingerprint',
        rule: null,
        pathGlob: null,
        fingerprint: 'ab12cd',
        project: null,
      }),
      exception({
        id: 3,
        kind: 'advisory',
        rule: null,
        pathGlob: null,
        advisory: 'GHSA-xxxx',
        team: 'core',
        project: null,
      }),
    ]);
    const tabs = screen.getByRole('navigation', { name: 'Exception lists' });
    expect(within(tabs).getByRole('link', { name: 'Pending approval' }).getAttribute('aria-current')).toBe(
      'page',
    );
    const first = screen.getByRole('row', { name: /sast\/sql-injection/ });
    expect(first.textContent).toContain('in test/**');
    expect(first.textContent).toContain('Test fixtures build SQL on purpose.');
    expect(first.textContent).toContain('dev@test.example');
    expect(within(first).getByRole('link', { name: 'payments' }).getAttribute('href')).toBe(
      '/projects/payments',
    );
    const second = screen.getByRole('row', { name: /ab12cd/ });
    expect(second.textContent).toContain('every project');
    expect(second.textContent).toContain('never');
    const third = screen.getByRole('row', { name: /GHSA-xxxx/ });
    expect(third.textContent).toContain('Advisory GHSA-xxxx in every package');
    expect(third.textContent).toContain('team core (all its projects)');
  });

  it('requires a comment before approving or rejecting', () => {
    renderList('security', 'pending', [exception({})]);
    fireEvent.click(screen.getByRole('button', { name: 'Decide… exception #1' }));
    const form = screen.getByRole('form', { name: 'Decide exception #1' });
    expect(form.textContent).toContain('It covers 3 live finding(s) now.');
    fireEvent.click(within(form).getByRole('button', { name: 'Approve' }));
    const comment = within(form).getByLabelText(/Comment/);
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toBe('Write a comment: say why you decide so.');
    expect(form.textContent).not.toContain('You requested this exception');
  });

  it('tells requesters that someone else decides their own request', () => {
    renderList('security', 'pending', [exception({ requestedBy: 'security@test.example' })]);
    fireEvent.click(screen.getByRole('button', { name: 'Decide… exception #1' }));
    expect(screen.getByRole('form', { name: 'Decide exception #1' }).textContent).toContain(
      'You requested this exception: another person with the security or admin role decides it.',
    );
  });

  it('offers no decision to a developer', () => {
    renderList('developer', 'pending', [exception({})]);
    expect(screen.getByRole('row', { name: /sast\/sql-injection/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Decide/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Action' })).toBeNull();
  });

  it('keeps pending requests out of the history and shows decisions with their comment', () => {
    renderList('security', 'history', [
      exception({ id: 5 }),
      exception({
        id: 4,
        status: 'approved',
        decidedBy: 'lead@test.example',
        decidedAt: '2026-03-02T10:00:00.000Z',
        decisionComment: 'Fixtures only.',
        expiresAt: new Date(Date.now() + 40 * DAY_MS).toISOString(),
      }),
    ]);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toContain('approved');
    expect(rows[0]!.textContent).toContain('by lead@test.example');
    expect(rows[0]!.textContent).toContain('Fixtures only.');
    expect(rows[0]!.textContent).toMatch(/in (39|40) days/);
    expect(within(rows[0]!).getByRole('button', { name: 'Revoke… exception #4' })).toBeTruthy();
  });

  it('says what an empty list means', () => {
    renderList('security', 'expiring', []);
    expect(
      screen.getByRole('heading', { name: 'No approved exception expires in the next 14 days' }),
    ).toBeTruthy();
  });
});
