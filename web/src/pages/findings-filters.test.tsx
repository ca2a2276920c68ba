import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingsFilters, useFindingsView } from './findings-filters';
import { withFilter } from './findings-url';

/** The filter form bound to the URL as the page binds it, and the URL it leaves. */
function Harness() {
  const { view, change } = useFindingsView();
  const location = useLocation();
  return (
    <>
      <FindingsFilters
        filter={view.filter}
        onChange={(patch, how) => change((v) => withFilter(v, patch), how?.replace)}
        projectSuggestions={['alpha', 'beta']}
        onProjectDraft={() => {}}
      />
      <output data-testid="url">{decodeURIComponent(location.search.replaceAll('+', ' '))}</output>
    </>
  );
}

function renderAt(search: string) {
  render(
    <MemoryRouter initialEntries={[`/findings${search}`]}>
      <Harness />
    </MemoryRouter>,
  );
  return () => screen.getByTestId('url').textContent;
}

const box = (group: string, name: string) =>
  within(screen.getByRole('group', { name: group })).getByRole('checkbox', { name }) as HTMLInputElement;
const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

afterEach(cleanup);

describe('the findings filter form and the URL', () => {
  it('shows what a shared link says', () => {
    renderAt(
      '?text=sql&project=alpha,beta&severity=critical,high&status=open,false_positive&scanner=sast' +
        '&rule=sast/rule-1&sla=due_soon&firstSeenFrom=2026-01-01&firstSeenTo=2026-01-31',
    );
    expect(field('Search').value).toBe('sql');
    expect(field('Project').value).toBe('alpha, beta');
    expect(field('Scanner').value).toBe('sast');
    expect(field('Rule').value).toBe('sast/rule-1');
    expect((screen.getByLabelText('SLA') as HTMLSelectElement).value).toBe('due_soon');
    expect(field('First seen from').value).toBe('2026-01-01');
    expect(field('First seen to').value).toBe('2026-01-31');
    expect(box('Severity', 'critical').checked).toBe(true);
    expect(box('Severity', 'high').checked).toBe(true);
    expect(box('Severity', 'medium').checked).toBe(false);
    expect(box('Status', 'open').checked).toBe(true);
    expect(box('Status', 'false positive').checked).toBe(true);
    expect(box('Status', 'confirmed').checked).toBe(false);
  });

  it('shows the server’s default statuses as ticked when the URL names none', () => {
    renderAt('');
    expect(['open', 'confirmed', 'in progress'].map((s) => box('Status', s).checked)).toEqual([
      true,
      true,
      true,
    ]);
    expect(box('Status', 'fixed').checked).toBe(false);
    expect((screen.getByRole('button', { name: 'Clear filters' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('writes each change to the URL and starts again from the first page', () => {
    const url = renderAt('?sort=path&cursor=abc&back=xyz&page=3');
    fireEvent.click(box('Severity', 'critical'));
    expect(url()).toBe('?severity=critical&sort=path');
    fireEvent.click(box('Status', 'fixed'));
    expect(url()).toBe('?severity=critical&status=open,confirmed,in_progress,fixed&sort=path');
    fireEvent.change(screen.getByLabelText('SLA'), { target: { value: 'overdue' } });
    fireEvent.change(field('First seen from'), { target: { value: '2026-02-01' } });
    expect(url()).toBe(
      '?severity=critical&status=open,confirmed,in_progress,fixed&sla=overdue&firstSeenFrom=2026-02-01&sort=path',
    );
  });

  it('applies a list field on Enter, not while a name is half typed', () => {
    const url = renderAt('');
    fireEvent.change(field('Project'), { target: { value: 'alp' } });
    expect(url()).toBe('');
    fireEvent.change(field('Project'), { target: { value: 'alpha, beta ' } });
    fireEvent.keyDown(field('Project'), { key: 'Enter' });
    expect(url()).toBe('?project=alpha,beta');
    fireEvent.change(field('Rule'), { target: { value: 'sast/rule-2' } });
    fireEvent.blur(field('Rule'));
    expect(url()).toBe('?project=alpha,beta&rule=sast/rule-2');
  });

  it('sends the search text once typing pauses for 300 ms', async () => {
    const url = renderAt('?severity=low');
    fireEvent.change(field('Search'), { target: { value: 'inj' } });
    fireEvent.change(field('Search'), { target: { value: 'injection' } });
    expect(url()).toBe('?severity=low');
    await act(() => new Promise((r) => setTimeout(r, 150)));
    expect(url()).toBe('?severity=low');
    await waitFor(() => expect(url()).toBe('?text=injection&severity=low'));
  });

  it('clears every filter and the form follows the URL', () => {
    const url = renderAt('?text=sql&severity=high&project=alpha&sort=rule');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(url()).toBe('?sort=rule');
    expect(field('Search').value).toBe('');
    expect(field('Project').value).toBe('');
    expect(box('Severity', 'high').checked).toBe(false);
  });
});
