import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { sastDetail, scaDetail, summaryOf } from './finding-samples';
import { Findings } from './findings';
import { apiQuery, readView } from './findings-url';

afterEach(cleanup);

/** The list answer for the view at `search`, as the server would have given it, under the page's key. */
function listed(search: string, findings: ReturnType<typeof summaryOf>[], next: string | null = null) {
  const query = apiQuery(readView(new URLSearchParams(search)));
  return [['findings', 'list', query], { findings, next }] as [readonly unknown[], unknown];
}

const rows = [summaryOf(sastDetail.finding), summaryOf(scaDetail.finding)];

describe('the findings page', () => {
  it('offers bulk triage and row checkboxes to a role that may triage', async () => {
    renderSignedIn(<Findings />, {
      role: 'developer',
      path: '/findings',
      data: [listed('', rows, 'next-cursor')],
    });
    await screen.findByRole('link', { name: 'OS command built from request data' });
    expect(screen.getByText('Tick findings to triage them together')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Select every finding on this page' })).toBeTruthy();
    expect(screen.getByText(/^Page 1 · 2 findings$/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: '← Previous' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an auditor the same rows without any triage control', async () => {
    renderSignedIn(<Findings />, { role: 'auditor', path: '/findings', data: [listed('', rows)] });
    await screen.findByRole('link', { name: 'OS command built from request data' });
    expect(screen.queryByText('Tick findings to triage them together')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /^Select/ })).toBeNull();
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('tells how to upload a scan when there are no findings at all', async () => {
    const none = { findings: [], next: null };
    renderSignedIn(<Findings />, {
      role: 'security',
      path: '/findings',
      data: [listed('', []), [['findings', 'any'], none]],
    });
    await screen.findByRole('heading', { name: 'No findings yet' });
    expect(screen.getByText(/gatehouse scan \. --upload .* --project <name>/)).toBeTruthy();
  });

  it('points to the other statuses when nothing is open any more', async () => {
    renderSignedIn(<Findings />, {
      role: 'security',
      path: '/findings',
      data: [listed('', []), [['findings', 'any'], { findings: [rows[0]], next: null }]],
    });
    await screen.findByRole('heading', { name: 'No open findings' });
    expect(screen.getByRole('link', { name: 'Show findings of every status' }).getAttribute('href')).toBe(
      '/findings?status=all',
    );
  });

  it('offers to clear the filters when they match nothing', async () => {
    const search = '?severity=critical&text=nothing';
    renderSignedIn(<Findings />, {
      role: 'security',
      path: `/findings${search}`,
      data: [listed(search, [])],
    });
    await screen.findByRole('heading', { name: 'No findings match these filters' });
    expect(screen.getByRole('button', { name: 'Clear the filters' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'No findings yet' })).toBeNull();
  });
});
