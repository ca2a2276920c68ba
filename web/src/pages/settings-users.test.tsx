import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { UserSettings, userProblems } from './settings-users';

afterEach(cleanup);

const user = (over: object) => ({
  id: 1,
  email: 'dev@test.example',
  name: 'dev',
  role: 'developer',
  projectId: null,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastLoginAt: null,
  lockedUntil: null,
  ...over,
});

function renderUsers(users: object[]) {
  renderSignedIn(<UserSettings />, {
    data: [
      [['projects', 'choices'], [{ id: 2, name: 'api' }]],
      [['users'], { users }],
    ],
  });
}

const problemOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;

describe('user settings', () => {
  it('says what is wrong with a new user before asking the server', () => {
    renderUsers([]);
    const form = screen.getByRole('form', { name: 'New user' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(problemOf(within(form).getByLabelText('E-mail'))).toBe(
      'Enter the e-mail address the user signs in with.',
    );

    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'not-an-address' } });
    fireEvent.click(within(form).getByLabelText('set one'));
    fireEvent.change(within(form).getByLabelText('Initial password'), { target: { value: 'short' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(problemOf(within(form).getByLabelText('E-mail'))).toBe('not-an-address is not an e-mail address.');
    expect(problemOf(within(form).getByLabelText('Initial password'))).toMatch(/at least 12 characters/);
  });

  it('accepts an address and a generated password, or a long enough one', () => {
    expect(userProblems({ email: 'a@b.example' })).toEqual({});
    expect(userProblems({ email: 'a@b.example', password: 'twelve chars' })).toEqual({});
    expect(Object.keys(userProblems({ email: 'a@b.example', password: 'eleven char' }))).toEqual([
      'password',
    ]);
  });

  it('lists users with their project, status and last sign-in', () => {
    renderUsers([
      user({}),
      user({
        id: 2,
        email: 'old@test.example',
        projectId: 2,
        disabled: true,
        lastLoginAt: '2026-02-01T09:00:00Z',
      }),
    ]);
    const active = screen.getByRole('row', { name: /dev@test\.example/ });
    expect(within(active).getByText('every project')).toBeTruthy();
    expect(within(active).getByText('active')).toBeTruthy();
    expect(within(active).getByText('never')).toBeTruthy();
    const disabled = screen.getByRole('row', { name: /old@test\.example/ });
    expect(within(disabled).getByText('api')).toBeTruthy();
    expect(within(disabled).getByText('disabled')).toBeTruthy();
  });
});
