import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { Audit } from './audit';
import { readFilter } from './audit-filter';

afterEach(cleanup);

const event = {
  id: 41,
  at: '2026-03-02T10:00:00.000Z',
  actor: 'lead@test.example',
  action: 'exception.approve',
  targetType: 'exception',
  targetId: '7',
  project: 'payments',
  detail: { comment: '<img src=x onerror=alert(1)>', findings: 2 },
};

describe('Audit log', () => {
  it('tells a developer it is not allowed', () => {
    renderSignedIn(<Audit />, { role: 'developer', path: '/audit' });
    expect(screen.getByRole('heading', { name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'Your role (developer) may not see the audit log',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows events, with details as JSON text (never markup)', () => {
    renderSignedIn(<Audit />, {
      role: 'auditor',
      path: '/audit?action=exception.approve',
      data: [
        [
          ['audit', readFilter(new URLSearchParams('action=exception.approve')), undefined],
          { events: [event], next: null },
        ],
      ],
    });
    expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe('exception.approve');
    const row = screen.getByRole('row', { name: /lead@test\.example/ });
    expect(row.textContent).toContain('exception #7');
    // The target leads to every event about it.
    expect(within(row).getByRole('link', { name: 'exception #7' }).getAttribute('href')).toBe(
      '/audit?targetType=exception&targetId=7',
    );
    expect(within(row).getByRole('link', { name: 'payments' })).toBeTruthy();
    const pre = row.querySelector('details pre')!;
    expect(pre.textContent).toBe(JSON.stringify(event.detail, null, 2));
    expect(row.querySelector('img')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Pages of the audit log' })).toBeNull();
  });

  it('refuses a time range that ends before it starts', () => {
    const { router } = renderSignedIn(<Audit />, {
      role: 'security',
      path: '/audit',
      data: [[['audit', readFilter(new URLSearchParams()), undefined], { events: [], next: null }]],
    });
    expect(screen.getByRole('heading', { name: 'Nothing recorded yet' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('From (UTC date)'), { target: { value: '2026-03-05' } });
    fireEvent.change(screen.getByLabelText('To (UTC date, inclusive)'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe('The “from” date must be on or before the “to” date.');
    expect(router.state.location.search).toBe('');
  });

  it('filters by target type and id, and wants the type with an id', () => {
    const empty = { events: [], next: null };
    const { router } = renderSignedIn(<Audit />, {
      role: 'security',
      path: '/audit',
      data: [
        [['audit', readFilter(new URLSearchParams()), undefined], empty],
        [['audit', readFilter(new URLSearchParams('targetType=finding&targetId=42')), undefined], empty],
      ],
    });
    fireEvent.change(screen.getByLabelText('Target id'), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Choose the target type the id belongs to (finding, exception, …).',
    );
    expect(router.state.location.search).toBe('');
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'finding' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?targetType=finding&targetId=42');
  });
});
