import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './confirm';

afterEach(cleanup);

describe('ConfirmButton', () => {
  const setup = () => {
    const confirmed = vi.fn();
    render(
      <ConfirmButton
        label="Revoke ci"
        question="Revoke token ci? Requests with it are refused from now on."
        confirmLabel="Revoke"
        onConfirm={confirmed}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Revoke ci' }));
    return confirmed;
  };

  it('asks first, with focus on Cancel, and does nothing when cancelled', () => {
    const confirmed = setup();
    const ask = screen.getByRole('group', { name: /Revoke token ci\?/ });
    expect(ask.textContent).toContain('refused from now on');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(confirmed).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Revoke ci' })).toBeTruthy();
  });

  it('acts once confirmed', () => {
    const confirmed = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(confirmed).toHaveBeenCalledOnce();
  });
});
