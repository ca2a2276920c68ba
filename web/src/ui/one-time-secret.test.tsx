import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OneTimeSecret } from './one-time-secret';

afterEach(cleanup);

describe('OneTimeSecret', () => {
  it('shows the secret once with a warning, copies it, and forgets it when dismissed', async () => {
    const dismissed = vi.fn();
    render(<OneTimeSecret title="Token ci-api" value="gh_secret_value_123" onDismiss={dismissed} />);
    const field = screen.getByLabelText('Secret value') as HTMLInputElement;
    expect(field.value).toBe('gh_secret_value_123');
    expect(field.readOnly).toBe(true);
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    // The warning is read with the field, and the box takes focus when it appears.
    const warning = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(warning.textContent).toMatch(/shown only this once and cannot be shown again/);
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Token ci-api' }));

    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText('Copied to the clipboard.');
    expect(await navigator.clipboard.readText()).toBe('gh_secret_value_123');

    fireEvent.click(screen.getByRole('button', { name: /I have stored it/ }));
    expect(dismissed).toHaveBeenCalledOnce();
  });

  it('says how to copy by hand when the clipboard refuses', async () => {
    const spy = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<OneTimeSecret title="Password for a@b.example" value="pw-123456789012" onDismiss={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByText(/select the text and copy it by hand/);
    spy.mockRestore();
  });
});
